// tests: two-sentence news texts in 31 languages, written for Presslens's tests and benchmark (one
// story, Amazon staff asking Jeff Bezos to stop selling face recognition to the police, told as a
// wire service of each language would). Shared by tests/test_language.cpp and
// bench/language_bench.cpp. Each text is two sentences, each sentence long enough to name its
// language (a headline-length fragment is not).
#pragma once
#include <string_view>

namespace presslens::samples {

struct LanguageSample {
    std::string_view code;  // ISO 639-1
    std::string_view text;
};

inline constexpr LanguageSample kLanguageSamples[] = {
    // the nine the stopword identifier knows
    {"en", "Amazon employees have written a letter to chief executive Jeff Bezos. They ask the company to stop "
           "selling its facial recognition software to the police."},
    {"nl", "Medewerkers van Amazon hebben een brief geschreven aan topman Jeff Bezos. Ze vragen het bedrijf om te "
           "stoppen met de verkoop van gezichtsherkenningssoftware aan de politie."},
    {"de", "Mitarbeiter von Amazon haben einen Brief an Konzernchef Jeff Bezos geschrieben. Sie fordern, dass das "
           "Unternehmen den Verkauf seiner Gesichtserkennung an die Polizei stoppt."},
    {"fr", "Des employés d'Amazon ont écrit une lettre au patron Jeff Bezos. Ils demandent à l'entreprise de cesser "
           "de vendre son logiciel de reconnaissance faciale à la police."},
    {"es", "Empleados de Amazon han escrito una carta al consejero delegado Jeff Bezos. Piden a la empresa que deje "
           "de vender su programa de reconocimiento facial a la policía."},
    {"it", "I dipendenti di Amazon hanno scritto una lettera all'amministratore delegato Jeff Bezos. Chiedono "
           "all'azienda di smettere di vendere il suo software di riconoscimento facciale alla polizia."},
    {"pl", "Pracownicy Amazona napisali list do prezesa Jeffa Bezosa. Domagają się, aby firma przestała sprzedawać "
           "policji swoje oprogramowanie do rozpoznawania twarzy."},
    {"ru", "Сотрудники Amazon написали письмо главе компании Джеффу Безосу. Они просят прекратить продажу полиции "
           "программы для распознавания лиц."},
    {"pt", "Funcionários da Amazon escreveram uma carta ao presidente executivo Jeff Bezos. Eles pedem que a "
           "empresa deixe de vender o seu programa de reconhecimento facial à polícia."},
    // the twelve (with Portuguese above)
    {"sv", "Anställda på Amazon har skrivit ett brev till vd:n Jeff Bezos. De kräver att företaget slutar sälja sin "
           "programvara för ansiktsigenkänning till polisen."},
    {"cs", "Zaměstnanci Amazonu napsali dopis generálnímu řediteli Jeffu Bezosovi. Žádají, aby firma přestala "
           "prodávat policii svůj software na rozpoznávání obličejů."},
    {"uk", "Працівники Amazon написали листа керівнику компанії Джеффу Безосу. Вони вимагають, щоб компанія "
           "припинила продавати поліції свою програму для розпізнавання облич."},
    {"el", "Εργαζόμενοι της Amazon έστειλαν επιστολή στον διευθύνοντα σύμβουλο Τζεφ Μπέζος. Ζητούν από την "
           "εταιρεία να σταματήσει να πουλά στην αστυνομία το λογισμικό αναγνώρισης προσώπων."},
    {"tr", "Amazon çalışanları şirketin patronu Jeff Bezos'a bir mektup yazdı. Çalışanlar, şirketin yüz tanıma "
           "yazılımını polise satmayı bırakmasını istiyor."},
    {"ar", "كتب موظفون في شركة أمازون رسالة إلى رئيسها التنفيذي جيف بيزوس. ويطالب الموظفون الشركة بالتوقف عن "
           "بيع برنامج التعرف على الوجوه للشرطة."},
    {"he", "עובדי אמזון שלחו מכתב למנכ״ל החברה ג׳ף בזוס. הם דורשים מהחברה להפסיק למכור למשטרה את תוכנת זיהוי "
           "הפנים שלה."},
    {"hi", "अमेज़न के कर्मचारियों ने कंपनी के प्रमुख जेफ बेजोस को एक पत्र लिखा है। उन्होंने मांग की है कि कंपनी "
           "पुलिस को चेहरा पहचानने वाला सॉफ्टवेयर बेचना बंद करे।"},
    {"zh", "亚马逊员工致信贝索斯，要求公司停止向警方出售人脸识别软件。员工们表示，这项技术可能被用来侵犯移民的权利。"},
    {"ja", "アマゾンの従業員は、ベゾス最高経営責任者に書簡を送った。従業員らは、顔認識ソフトウェアを警察に販売するのを"
           "やめるよう求めている。"},
    {"ko", "아마존 직원들이 제프 베이조스 최고경영자에게 서한을 보냈다. 직원들은 회사가 경찰에 얼굴 인식 소프트웨어를 "
           "판매하는 것을 중단하라고 요구했다."},
    // more
    {"da", "Ansatte hos Amazon har skrevet et brev til direktør Jeff Bezos. De kræver, at virksomheden holder op med "
           "at sælge sin software til ansigtsgenkendelse til politiet."},
    {"no", "Ansatte i Amazon har skrevet et brev til toppsjef Jeff Bezos. De krever at selskapet slutter å selge "
           "programvaren for ansiktsgjenkjenning til politiet."},
    {"fi", "Amazonin työntekijät ovat kirjoittaneet kirjeen toimitusjohtaja Jeff Bezosille. He vaativat, että yhtiö "
           "lopettaa kasvojentunnistusohjelmiston myymisen poliisille."},
    {"hu", "Az Amazon dolgozói levelet írtak Jeff Bezos vezérigazgatónak. Azt követelik, hogy a cég hagyja abba az "
           "arcfelismerő szoftver eladását a rendőrségnek."},
    {"ro", "Angajații Amazon i-au scris o scrisoare directorului general Jeff Bezos. Ei cer companiei să nu mai "
           "vândă poliției programul său de recunoaștere facială."},
    {"id", "Karyawan Amazon menulis surat kepada kepala eksekutif Jeff Bezos. Mereka meminta perusahaan berhenti "
           "menjual perangkat lunak pengenal wajah kepada polisi."},
    {"vi", "Nhân viên của Amazon đã viết thư gửi giám đốc điều hành Jeff Bezos. Họ yêu cầu công ty ngừng bán phần "
           "mềm nhận dạng khuôn mặt cho cảnh sát."},
    {"fa", "کارمندان آمازون نامه‌ای به جف بزوس، مدیر عامل این شرکت، نوشته‌اند. آنها خواستار توقف فروش نرم‌افزار "
           "تشخیص چهره به پلیس شده‌اند."},
    {"bg", "Служители на Amazon са написали писмо до главния изпълнителен директор Джеф Безос. Те настояват "
           "компанията да спре да продава на полицията софтуера си за лицево разпознаване."},
    {"hr", "Zaposlenici Amazona napisali su pismo izvršnom direktoru Jeffu Bezosu. Traže da tvrtka prestane "
           "prodavati policiji svoj softver za prepoznavanje lica."},
    {"th", "พนักงานของแอมะซอนเขียนจดหมายถึงเจฟฟ์ เบโซส ประธานเจ้าหน้าที่บริหาร พวกเขาเรียกร้องให้บริษัทหยุดขาย"
           "ซอฟต์แวร์จดจำใบหน้าให้กับตำรวจ"},
};

}  // namespace presslens::samples
