"""Common given names and names of much-reported people, as Arabic and Urdu write them.

In:  a word of Arabic script, ``fold``ed.
Out: ``given_name(word)`` / ``known_name(word)`` -> the name in Latin letters, or None.
Why: Arabic script has no capital letters, so ``names`` tells a name from a common word by the e5
vocabulary (a transliterated name is rarely one sentencepiece). That test fails for the names news
repeats most ("ترامب", "دونالد", "جون" are single pieces), and many given names are also common words
("جو": which, "جان": life, "بول": speak, "مات": died). A given name of this list on both sides, spelt
for the same person ("دونالد" / "ڈونلڈ"), marks the next word as a name as surely as a capital letter
does; a surname of this list is a name even when the vocabulary holds it whole.
Hand-written (the spellings of Arabic and Urdu newspapers; Mary includes "مريم" / "مریم", the form
translators give the name); names that are also frequent words of the
spelling in both languages are left out ("علي", "عمر", "حسن", "رجب": a month, "كيم" / "کم": less), and
every entry is one word ("نور سلطان" would make "نور", light, a name).
"""
from __future__ import annotations

from .lexicon import fold

# Latin name: Arabic spellings | Urdu spellings
_GIVEN = """
John: جون | جان
Donald: دونالد | ڈونلڈ
Joe: جو | جو
Joseph: جوزيف | جوزف
Matt: مات | میٹ
Paul: بول | پال
David: ديفيد دافيد دايفيد ديفد | ڈیوڈ ڈیویڈ
Michael: مايكل | مائیکل
Mike: مايك | مائیک مائک
James: جيمس | جیمز جیمس
Robert: روبرت | رابرٹ
Bob: بوب | بوب
William: ويليام وليام | ولیم
George: جورج | جارج
Brett: بريت | بریٹ
Bernie: بيرني | برنی
Hillary: هيلاري | ہلیری ہیلری
Bill: بيل | بل
Boris: بوريس | بورس
Vladimir: فلاديمير | ولادیمیر
Emmanuel: إيمانويل ايمانويل | ایمانوئل
Angela: أنجيلا انجيلا | انجیلا انگیلا
Theresa: تيريزا | تھریسا ٹریسا
Barack: باراك | باراک
Mark: مارك | مارک
Peter: بيتر | پیٹر
Richard: ريتشارد | رچرڈ
Thomas: توماس | تھامس
Charles: تشارلز | چارلس چارلز
Steve: ستيف | سٹیو اسٹیو
Steven: ستيفن | سٹیون اسٹیون
Kevin: كيفن | کیون کیوِن
Brian: براين | برائن برائین
Chris: كريس | کرس
Christine: كريستين | کرسٹین
Nick: نيك | نک نیک
Jeff: جيف | جیف
Luke: لوك | لیوک لوک
Tom: توم | ٹام
Tommy: تومي | ٹومی
Ryan: رايان ريان | ریان رائن
Jack: جاك | جیک
Gary: جاري غاري | گیری
Amy: آمي ايمي | ایمی
Lindsey: ليندسي | لنڈسی لینڈسی
Dave: ديف | ڈیو
Phil: فيل | فل
Sarah: سارة | سارہ
Elizabeth: إليزابيث اليزابيث | الزبتھ الزبیتھ الزابیتھ الزابتھ ایلزبتھ
Catherine: كاثرين | کیتھرین
Justin: جاستن | جسٹن
Jeremy: جيريمي | جیریمی
Nancy: نانسي | نینسی
Mitch: ميتش | مچ
Kanye: كاني | کانیے
Cristiano: كريستيانو | کرسٹیانو
Lewis: لويس | لیوس لوئس
Rex: ريكس | ریکس
Daniel: دانيال دانيل | ڈینیئل
Andrew: أندرو اندرو | اینڈریو
Anthony: أنتوني انتوني | انتھونی
Edward: إدوارد ادوارد | ایڈورڈ
Henry: هنري | ہنری
Kate: كيت | کیٹ
Kamala: كامالا | کملا
Muhammad: محمد | محمد
Ahmed: أحمد احمد | احمد
Imran: عمران | عمران
Nawaz: نواز | نواز
Shehbaz: شهباز | شہباز
Khalid: خالد | خالد
Mahmoud: محمود | محمود
Abdullah: عبدالله | عبداللہ
Kassym-Jomart: قاسم | قاسم
Adam: آدم | آدم
Philip: فيليب فيلب | فلپ فلپس
Ken: كين | کین
Kenneth: كينيث | کینتھ
Scott: سكوت | سکاٹ
Jim: جيم | جم
Jerry: جيري | جیری
Larry: لاري | لیری
Sam: سام | سام
Samuel: صموئيل | سیموئل
Alex: أليكس اليكس | ایلکس
Alexander: ألكسندر الكسندر | الیگزینڈر
Sergei: سيرغي سيرجي | سرگئی
Dmitry: ديمتري دميتري | دمتری دیمتری
Jennifer: جينيفر | جینیفر
Mary: ماري مريم | میری مریم
Susan: سوزان | سوزن
Laura: لورا | لورا
Maria: ماريا | ماریا
Jose: خوسيه | ہوزے
Carlos: كارلوس | کارلوس
Frank: فرانك | فرینک
Patrick: باتريك | پیٹرک
Jason: جيسون | جیسن
Eric: إريك اريك | ایرک
Martin: مارتن | مارٹن
Nursultan: نورسلطان | نورسلطان
Lisa: ليزا | لیزا
Linda: ليندا | لنڈا لینڈا
Michelle: ميشيل | مشیل
Emily: إيميلي اميلي | ایملی
Jessica: جيسيكا | جیسیکا
Rachel: راشيل ريتشل | ریچل
Rebecca: ريبيكا | ربیکا ریبیکا
Olivia: أوليفيا اوليفيا | اولیویا
Tony: توني | ٹونی
Greg: غريغ جريج | گریگ
Jonathan: جوناثان | جوناتھن
Matthew: ماثيو | میتھیو
Christopher: كريستوفر | کرسٹوفر
Benjamin: بنيامين بنجامين | بنجمن بینجمن
Nicholas: نيكولاس | نکولس نیکولس
Simon: سايمون سيمون | سائمن سائمون
Mikhail: ميخائيل | میخائل
Nikolai: نيكولاي | نکولائی
Andrei: أندريه اندريه | آندرے اندرے
Olga: أولغا اولغا | اولگا
Natalia: ناتاليا | نتالیا نٹالیا
Elena: إيلينا ايلينا | ایلینا
Harry: هاري | ہیری
Charlie: تشارلي | چارلی
Christian: كريستيان | کرسچن کرسچین
Timothy: تيموثي | ٹموتھی
Gordon: غوردون جوردون | گورڈن
Nelson: نيلسون | نیلسن نیلسون
Gustav: غوستاف | گستاو
Ariana: أريانا | آریانا اریانا
Walter: والتر | والٹر
Albert: ألبرت | البرٹ
Arthur: آرثر | آرتھر
Victor: فيكتور | وکٹر
Karl: كارل | کارل
Ronald: رونالد | رونالڈ
Howard: هوارد | ہاورڈ
Harold: هارولد | ہیرالڈ
Leonard: ليونارد | لیونارڈ
Margaret: مارغريت مارجريت | مارگریٹ
Helen: هيلين | ہیلن
Julia: جوليا | جولیا
Patricia: باتريشيا | پیٹریشیا
Barbara: باربرا | باربرا
Louise: لويز | لوئیز
Diana: ديانا | ڈیانا ڈائنا
Ivan: إيفان |
Pierre: بيير | پیئر
Pablo: بابلو | پابلو
Igor: إيغور | ایگور
Yuri: يوري | یوری
Alexei: أليكسي | الیکسی
Oleg: أوليغ | اولیگ
Jimmy: جيمي | جمی
Joshua: جوشوا | جوشوا
Jacob: جاكوب | جیکب
Nathan: ناثان | نیتھن
Gregory: غريغوري | گریگوری
Raymond: ريموند | ریمنڈ
Roger: روجر | راجر
Emma: إيما | ایما
"""
# surnames reported often enough to be single e5 pieces in Arabic or Urdu
_KNOWN = """
Trump: ترامب | ٹرمپ
Biden: بايدن | بائیڈن
Obama: أوباما اوباما | اوباما
Clinton: كلينتون | کلنٹن
Putin: بوتين | پیوٹن پوتن
Tokayev: توكاييف توكايف | توکایف ٹوکایف
Nazarbayev: نزارباييف نزارباييف | نذربائیف نزربایف
Erdogan: أردوغان اردوغان | اردوغان اردگان
Macron: ماكرون | میکرون
Merkel: ميركل | مرکل
Johnson: جونسون | جانسن
Khan: خان | خان
Modi: مودي | مودی
Netanyahu: نتنياهو | نیتنیاہو
Pompeo: بومبيو | پومپیو
Kavanaugh: كافانو | کیوانو کاوانا
Ford: فورد | فورڈ
Ronaldo: رونالدو | رونالڈو
Lavrov: لافروف | لاوروف
Zelensky: زيلينسكي | زیلنسکی
Laden: لادن | لادن
Bolton: بولتون | بولٹن
Mattis: ماتيس | میٹس
Tillerson: تيلرسون | ٹلرسن
Sanders: ساندرز | سینڈرز
Pelosi: بيلوسي | پیلوسی
Graham: غراهام جراهام | گراہم
Mueller: مولر | مولر
Comey: كومي | کومی
Bush: بوش | بش
Blair: بلير | بلیئر
Cameron: كاميرون | کیمرون
Corbyn: كوربين | کوربن
Khamenei: خامنئي | خامنہ
Bhutto: بوتو | بھٹو
Zardari: زرداري | زرداری
Maduro: مادورو | مادورو
"""


def _table(spec: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in spec.strip().splitlines():
        latin, forms = line.split(":", 1)
        for side in forms.split("|"):
            for w in side.split():
                out.setdefault(fold(w), latin.strip())
    return out


GIVEN = _table(_GIVEN)
KNOWN = _table(_KNOWN)


def given_name(folded: str) -> str | None:
    """The Latin form of a common given name written in Arabic script, else None."""
    return GIVEN.get(folded)


def known_name(folded: str) -> str | None:
    """The Latin form of a given name or much-reported surname written in Arabic script, else None."""
    return GIVEN.get(folded) or KNOWN.get(folded)
