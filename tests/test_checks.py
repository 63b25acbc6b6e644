"""Consistency checks by role: conflicts with both values named, and the cases that must stay quiet."""
from factcheck.checks import check
from factcheck.quantities import extract
from factcheck.types import Claim


def c(text, lang=None):
    return Claim("h", 0, text, 0, len(text), text, 0, len(text), lang=lang, quantities=extract(text, 0, lang))


def reasons(a, la, b, lb):
    return list(check(c(a, la), c(b, lb)).conflicts)


def test_conflicts_name_both_values_by_role():
    assert reasons("trade reached $28 billion in 2023", "en", "تجارت 21 بلین ڈالر 2023", "ur") == [
        "number differs: this claim says 28 billion, the other source says 21 billion (21 بلین)"]
    assert reasons("confirmed by three US officials", "en", "أكده خمسة مسؤولين أمريكيين", "ar") == [
        "count of people differs: this claim says 3 (three), the other source says 5 (خمسة)"]
    assert reasons("the first country in my second term", "en", "أول دولة في ولايتي الثالثة", "ar") == [
        "ordinal differs: this claim says 2nd (second), the other source says 3rd (الثالثة)"]
    assert reasons("on 7 November 2025", "en", "on 8 November 2025", "en") == [
        "date differs: this claim says 2025-11-07 (7 November 2025), the other source says 2025-11-08 (8 November 2025)"]
    assert reasons("grew 12%", "en", "вырос на 15%", "ru") == [
        "percentage differs: this claim says 12%, the other source says 15%"]


def test_no_false_alarm_from_roles_rounding_bounds_units_or_periods():
    # a year vs an amount; an age vs a count
    assert reasons("in 2023 trade reached 28 billion", "en", "2023 میں تجارت 28 بلین", "ur") == []
    assert reasons("Ronaldo, 33, has 142 million followers", "en", "33 سالہ رونالڈو کے 142 ملین پیروکار", "ur") == []
    # rounding and "more than"
    assert reasons("trade reached 27.9 billion", "en", "تجارت 28 بلین", "ur") == []
    assert reasons("more than 20 billion", "en", "21 billion", "en") == []
    assert reasons("more than 20 billion", "en", "more than 30 billion", "en") != []
    # units converted by the translator
    assert reasons("up to 10 inches of rain", "en", "до 25 см осадков", "ru") == []
    assert reasons("a tsunami of up to 10 meters", "en", "цунами до 12 метров", "ru") == [
        "number differs: this claim says 10 m, the other source says 12 m"]
    assert reasons("at least thirty per cent more", "en", "по крайней мере, на 36 процентов больше", "ru") != []
    assert reasons("300 km (190 miles) north", "en", "300 کلومیٹر (190 میل)", "ur") == []
    # different time frames: different facts, not a contradiction
    res = check(c("trade reached 28 billion in 2023", "en"), c("trade passed 20 billion in 2024", "en"))
    assert res.conflicts == () and res.notes == (
        "different periods, values not compared (this claim says 2023, the other source says 2024)",)
    # identifiers and phone numbers: never against amounts; a Boeing 737 is no 737 passengers
    assert reasons("Flight 370 and a Boeing 737", "en", "رحلة 370 وطائرة بوينغ 737", "ar") == []
    assert reasons("a Boeing 737 with 150 passengers", "en", "طائرة تقل 737 راكبا", "ar") == []
    assert reasons("Flight 370 carried 239 people", "en", "رحلة 17 حملت 239 شخصا", "ar") == [
        "flight number differs: this claim says 370, the other source says 17"]
    assert reasons("allowances under section 711", "en", "пособия в соответствии со статьей 474", "ru") == [
        "section number differs: this claim says 711, the other source says 474"]
    assert reasons("under section 474, 12 countries", "en", "по статье 474 12 стран", "ru") == []
    assert reasons("call 0800 555 111", "en", "позвоните 0800 555 111", "ru") == []
    # a value only one side states
    assert reasons("28 billion dollars and 5 ministers", "en", "28 مليار دولار", "ar") == []


def test_values_explained_only_by_values_of_a_compatible_role():
    # a bound with no unit is not explained by an area on the other side
    assert reasons("responsible for more than 270 buildings and 76,000 hectares", "en",
                   "مسؤولة عن أكثر من 405 مبنى و76 ألف هكتار", "ar") == [
        "number differs: this claim says more than 270, the other source says more than 405"]
    # a count in words is not explained by a clock time with the same figure
    assert reasons("At 2 pm two police buses arrived", "en", "دوپہر 2 بجے پولیس کی تین بسیں پہنچیں", "ur") == [
        "number differs: this claim says 2 (two), the other source says 3 (تین)"]
    assert reasons("At 2 pm three police buses arrived", "en", "دوپہر 2 بجے پولیس کی تین بسیں پہنچیں", "ur") == []
    # Arabic accusative units ("ميلاً") and speeds
    assert reasons("winds of 85 mph, moving at 12 mph", "en",
                   "رياح 85 ميلاً في الساعة ويتحرك بسرعة 10 ميلاً في الساعة", "ar") == [
        "number differs: this claim says 12 mph, the other source says 10 mph"]


def test_a_value_stated_twice_against_once():
    assert reasons("They won four of four matches", "en", "Они выиграли пять из четырех матчей", "ru") == [
        "number differs: this claim says 4 (four), the other source says 5 (пять)"]
    assert reasons("They won four of four matches", "en", "Они выиграли четыре из четырех матчей", "ru") == []


def test_a_date_against_a_day_month_and_a_separate_year():
    assert reasons("He was born on September 30, 1882 in Germany", "en",
                   "ولد يوم 28 سبتمبر في ألمانيا عام 1882", "ar") == [
        "date differs: this claim says 1882-09-30 (September 30, 1882), the other source says --09-28 (28 سبتمبر)"]
    assert reasons("He was born on September 30, 1882 in Germany", "en",
                   "ولد يوم 30 سبتمبر في ألمانيا عام 1882", "ar") == []
    assert reasons("He was born on September 30, 1882 in Germany", "en",
                   "ولد يوم 28 سبتمبر، من عام 1882 في ألمانيا", "ar") == [
        "date differs: this claim says 1882-09-30 (September 30, 1882), "
        "the other source says 1882-09-28 (28 سبتمبر، من عام 1882)"]


def test_a_scale_left_out_is_no_conflict_but_a_different_scale_is():
    # a list that drops the scale word on one side, whatever unit each side read
    assert reasons("a pipeline worth 11 billion dollars", "en", "11 کی لاگت کی پائپ لائن", "ur") == []
    assert reasons("a pipeline worth $11 billion", "en", "a pipeline worth $11 million", "en") == [
        "number differs: this claim says 11 billion, the other source says 11 million"]


def test_pounds_are_weight_against_kilograms_and_money_against_sterling():
    boar = "Десять лет назад 300-килограммовое животное прижало фермера"
    assert reasons(boar, "ru", "دس سال قبل ایک 650 پاؤنڈ وزنی خنزیر نے کسان کو دبایا", "ur") == []  # 295 kg
    assert reasons(boar, "ru", "دس سال قبل ایک 950 پاؤنڈ وزنی خنزیر نے کسان کو دبایا", "ur") == [
        "number differs: this claim says 300 kg, the other source says 950 lb"]
    assert reasons("за 125 млн фунтов стерлингов", "ru", "135 ملین پاؤنڈ کی قیمت پر", "ur") == [
        "number differs: this claim says 125 million (125 млн), the other source says 135 million (135 ملین)"]


def test_a_full_date_against_a_bare_year_of_another_year():
    assert reasons("on September 11, 2001 the towers fell", "en", "в 1999 году башни упали", "ru") == [
        "year differs: this claim says 2001-09-11 (September 11, 2001), the other source says 1999"]
    assert reasons("on September 11, 2001 the towers fell", "en", "в 2001 году башни упали", "ru") == []


def test_dates_years_percentages_and_phone_numbers_found_on_the_xnli_half():
    # Urdu month-day with an Arabic comma before the year: "ستمبر 9، 2003" is one date
    assert reasons("KSM کی تحقیقات، 3 جولائی، 2003 کو دیکھیں؛ ستمبر 9، 2003.", "ur",
                   "interrogations of KSM, July 3, 2003; Sept. 9, 2006.", "en") == [
        "date differs: this claim says 2003-09-09 (ستمبر 9، 2003), the other source says 2006-09-09 (Sept. 9, 2006)"]
    # "عام 2010 وكل عام" is the year 2010, not 2010 years
    assert reasons("المُنفَّذ عام 2010 وكل عام بعده", "ar", "for 2013 and each year thereafter", "en") == [
        "year differs: this claim says 2010, the other source says 2013"]
    assert reasons("المُنفَّذ عام 2010 وكل عام بعده", "ar", "for 2010 and each year thereafter", "en") == []
    # a percentage glued as an adjective
    assert reasons("تحرق ما يقارب 1.5٪ من الفحم", "ar", "примерно с 1,0-процентным содержанием серы", "ru") == [
        "percentage differs: this claim says 1.5% (1.5٪), the other source says 1% (1,0-процентным)"]
    assert reasons("approx 1.5 percent sulfur", "en", "примерно с 1,5-процентным содержанием серы", "ru") == []
    # "см." after two words is "see", not centimetres: the count is compared
    assert reasons("о двух поврежденных паспортах см. донесения", "ru", "the six damaged passports, see", "en") == [
        "number differs: this claim says 2 (двух), the other source says 6 (six)"]
    # a phone number with its area code is one identifier, not 800 and a range 877-6773
    assert reasons("على الرقم (800) 877-6773.", "ar", "at (960) 877-6773.", "en") == [
        "phone number differs: this claim says (800) 877-6773, the other source says (960) 877-6773"]
    assert reasons("على الرقم (800) 877-6773.", "ar", "at (800) 877-6773.", "en") == []


def test_ranges_in_words_and_with_arabic_ila():
    # "от трех до четырех дней" and "تین سے پانچ دن" are ranges, compared end by end
    assert reasons("Фестиваль проходит от трех до четырех дней", "ru", "یہ تہوار تین سے پانچ دن سے منایا جاتا ہے", "ur") == [
        "number of days differs: this claim says 3-4 (трех до четырех), the other source says 3-5 (تین سے پانچ)"]
    assert reasons("Фестиваль проходит от трех до четырех дней", "ru", "یہ تہوار تین سے چار دن سے منایا جاتا ہے", "ur") == []
    assert reasons("between three and six people died", "en", "توفي ما بين ثلاثة وخمسة أشخاص", "ar") == [
        "count of people differs: this claim says 3-6 (three and six), the other source says 3-5 (ثلاثة وخمسة)"]
    # against single numbers a range in words is its two numbers again
    assert reasons("лидирует тремя очками из четырех", "ru", "ہر ایک نے آٹھ سے تین پوائنٹس حاصل کیے", "ur") != []


def test_arabic_ila_ranges_in_digits_and_dates():
    (q,) = extract("من 3 إلى 5 أيام", 0, "ar")
    assert (q.value, q.value_max, q.unit, q.approx) == (3.0, 5.0, "day", "range")
    (d,) = extract("من 27 إلى 28 نوفمبر", 0, "ar")
    assert (d.iso, d.iso_end) == ("--11-27", "--11-28")


def test_temperatures_are_compared_allowing_for_fahrenheit_and_celsius():
    assert reasons("the temperature outside was 80 degrees", "en", "сыртқы ауа температурасы 120 градус еді", "kk") == [
        "temperature differs: this claim says 80, the other source says 120"]
    assert reasons("a difference of about 20 degrees", "en", "اختلاف في درجات الحرارة يبلغ 10 درجة", "ar") == [
        "temperature differs: this claim says about 20, the other source says 10"]
    # one side converted: 80 °F is 27 °C; a difference of 20 °F is 11 °C
    assert reasons("temperatures near 80°F", "en", "температура около 27 градусов", "ru") == []
    assert reasons("a difference of 20 degrees", "en", "разница в 11 градусов", "ru") == []
    # one side leaves "degrees" out ("80 تک": up to 80)
    assert reasons("температура может подняться до 27 градусов", "ru", "درجہ حرارت 80 تک پہنچ سکتا ہے", "ur") == []
    assert reasons("температура может подняться до 27 градусов", "ru", "درجہ حرارت 95 تک پہنچ سکتا ہے", "ur") != []
    # Arabic "درجة" is a magnitude where no temperature is named
    assert reasons("a 7.5 magnitude earthquake", "en", "زلزال بقوة 4.5 درجات", "ar") != []
    (q,) = extract("زلزال بقوة 7.5 درجات", 0, "ar")
    assert q.unit is None


def test_a_number_after_a_name_is_an_identifier_labelled_by_the_name():
    assert reasons("to watch a packed Bellator 144", "en", "بھرا ہو بیلاٹور 206 دیکھنے کے لئے", "ur") == [
        "identifier differs: this claim says 144, the other source says 206"]
    assert reasons("Flight 370 and a Boeing 737", "en", "رحلة 370 وطائرة بوينغ 747", "ar") == [
        "identifier differs: this claim says 737, the other source says 747"]
    # the name's number meets an identifier of any label: "NYPD 12" / "NYPD interview 16"
    assert reasons("см. в интервью NYPD 12, Авиация", "ru", "see NYPD interview 16, Aviation", "en") == [
        "identifier differs: this claim says 12, the other source says 16"]
    assert reasons("см. в интервью NYPD 16, Авиация", "ru", "see NYPD interview 16, Aviation", "en") == []


def test_a_percentage_is_not_explained_by_a_count_in_words():
    assert reasons("two units that burn approx 1.5 percent sulfur coal", "en",
                   "دو یونٹس جو تقریبا 2.0 فیصد سلفر کوئلے کو جلا دیتا ہے", "ur") == [
        "percentage differs: this claim says 1.5% (1.5 percent), the other source says about 2% (2.0 فیصد)"]
    assert reasons("rates rose to 2 percent", "en", "شرح 2 تک بڑھ گئی", "ur") == []


def test_arabic_dual_nouns_count_two():
    assert reasons("بعد يومين من مقابلته", "ar", "میٹنگ کے تین دن کے بعد", "ur") == [
        "number of days differs: this claim says 2 (يومين), the other source says 3 (تین)"]
    assert reasons("خلال العامين الماضيين", "ar", "over the past two years", "en") == []
    assert [(q.value, q.unit) for q in extract("زار دولتين وبلدان أخرى", 0, "ar")] == [(2.0, "country")]


def test_a_number_sign_meets_an_identifier_of_any_label():
    assert reasons("PANYNJ انٹرویو 10 (16 جون، 2004)", "ur", "интервью PANYNJ №15 (16 июня 2004)", "ru") == [
        "number differs: this claim says 10, the other source says 15"]
    assert reasons("PANYNJ انٹرویو 15 (16 جون، 2004)", "ur", "интервью PANYNJ №15 (16 июня 2004)", "ru") == []


def test_percentage_points_ranges_against_ranges_and_vague_amounts_spent_on_each_other():
    assert reasons("he won by more than 40 percentage points in 2016", "en",
                   "انہوں نے 2016 میں 32 فیصد پوائنٹس سے زائد کے ساتھ کامیابی حاصل کی", "ur") == [
        "percentage differs: this claim says more than 40% (40 percentage points), the other source says more than 32% (32 فیصد پوائنٹس)"]
    # a range faces the other side's range, not a single value it happens to hold
    assert reasons("2 to 4 inches of rain, isolated amounts up to 6 inches", "en",
                   "2 سے 6 انچ بارش، کہیں 6 انچ تک", "ur") == [
        "number differs: this claim says 2-4 inch (2 to 4), the other source says 2-6 inch (2 سے 6)"]
    assert reasons("2 to 4 inches of rain, isolated amounts up to 6 inches", "en",
                   "2 سے 4 انچ بارش، کہیں 6 انچ تک", "ur") == []
    # "dozens" answers "десятки" and does not also cover "around 450 people"
    assert reasons("разрушило десятки деревень и убило около 300 человек", "ru",
                   "destroyed dozens of villages and killed around 450 people", "en") == [
        "count of people differs: this claim says about 300, the other source says about 450"]
    assert reasons("разрушило десятки деревень", "ru", "destroyed dozens of villages and killed 450 people", "en") == []
    # "كم" after a number is km
    assert reasons("300 کلومیٹر (190 میل) کا ساحل", "ur", "الخط الساحلي 150 كم (190 ميلاً)", "ar") == [
        "number differs: this claim says 300 km, the other source says 150 km"]


def test_phone_digit_groups_kilograms_and_arabic_seven_and_six():
    # "116 123" and "116123" are one phone number written two ways
    assert reasons("call Samaritans free on 116 123 (UK and Ireland)", "en",
                   "على الرقم 116123 (بالمملكة المتحدة وأيرلندا)", "ar") == []
    assert reasons("call Samaritans free on 116 123 (UK and Ireland)", "en",
                   "على الرقم 150960 (بالمملكة المتحدة وأيرلندا)", "ar") != []
    # "550 pound hog" against "250 килограмм": pounds of weight, converted
    assert reasons("the 550 pound hog had mauled the farmer", "en", "свинья весом в 250 килограмм загрызла фермера", "ru") == []
    # in Arabic "سبع" and "ست" before a counted noun are seven and six (weak only with no language known)
    assert reasons("four points down starting the 12 singles matches", "en",
                   "بفارق سبع نقاط عن بدء المباريات الـ 12 الفردية", "ar") == [
        "number differs: this claim says 4 (four), the other source says 7 (سبع)"]


def test_a_year_faces_a_bare_number_the_other_side_does_not_read_as_a_year():
    assert reasons("the Moors invoked the aid of the Almohads in 1151", "en",
                   "мавры прибегли к помощи альмохадов в 1381 г.", "ru") == [
        "year differs: this claim says 1151, the other source says 1381"]
    assert reasons("the Moors invoked the aid of the Almohads in 1151", "en",
                   "мавры прибегли к помощи альмохадов в 1151 г.", "ru") == []
    # an ordinal left over ("الأول", the former) does not stop it: only figures count
    assert reasons("The former has 2000 entries, the latter 2700.", "en",
                   "يحتوي الأول على 2000 مدخل، والأخير على 1890.", "ar") == [
        "year differs: this claim says 2700, the other source says 1890"]
    assert reasons("The former has 2000 entries, the latter 2700.", "en",
                   "يحتوي الأول على 2000 مدخل، والأخير على 2700.", "ar") == []
    # a bare number with something else left over is no year: "two units of 900 MWe" / "по 1350 МВт"
    assert reasons("founded in 2019 with 900 members", "en", "основан в 2018 году, 900 человек", "ru") == [
        "year differs: this claim says 2019, the other source says 2018"]


def test_durations_in_different_units_are_converted():
    assert reasons("بقى ثمانية أيام على الانتخابات", "ar", "انتخابات پانچ ہفتے دور ہیں", "ur") != []
    assert reasons("within two weeks", "en", "в течение 14 дней", "ru") == []
    assert reasons("the match lasted 90 minutes", "en", "матч длился 1,5 часа", "ru") == []
    assert reasons("after 3 months", "en", "после 90 дней", "ru") == []
    assert reasons("after 3 months", "en", "после 30 дней", "ru") != []


def test_phone_numbers_are_compared_with_phone_numbers():
    assert reasons("по телефону 0800 555 111", "ru", "بغیر نام بتائے 0800 388 578 پر", "ur") == [
        "phone number differs: this claim says 0800 555 111, the other source says 0800 388 578"]
    # an Arabic text may lay the groups out right to left
    assert reasons("on 0800 555 111 quoting log 247", "en", "على الرقم 111 555 0800 مع ذكر سجل 247", "ar") == []
    # "116 123" in two groups against one identifier in groups
    assert reasons("по номеру 150 960 (Великобритания)", "ru", "call Samaritans free on 116 123 (UK)", "en") != []
    assert reasons("по номеру 116 123 (Великобритания)", "ru", "call Samaritans free on 116 123 (UK)", "en") == []


def test_passing_a_figure_is_a_bound_and_multipliers_count_times():
    # "exceeds 960" is more than 960: against "more than 800" the two bounds differ
    assert reasons("Число жертв цунами в Индонезии превышает 960.", "ru",
                   "ارتفاع عدد حالات الوفاة لأكثر من 800 حالة وفاة.", "ar") != []
    assert reasons("Число жертв превышает 800.", "ru", "ارتفاع عدد حالات الوفاة لأكثر من 800 حالة وفاة.", "ar") == []
    assert reasons("рейтинги выросли почти в три раза — до 1,6 миллиона", "ru", "وتضاعفت سبع مرات تقريبًا إلى 1.6 مليون", "ar") == [
        "number of times differs: this claim says nearly 3 (три), the other source says about 7 (سبع)"]
    assert reasons("Pompeo has visited North Korea three times", "en", "پومپیو تین مرتبہ شمالی کوریا کا دورہ", "ur") == []


def test_scores_are_compared_number_by_number():
    assert reasons("Livingston 1 - 0 Rangers: Menga goal", "en", "«Ливингстон» 1 - 2 «Рейнджерс»: Гол Менга", "ru") != []
    assert reasons("Livingston 1 - 0 Rangers: Menga goal", "en", "«Ливингстон» 1 - 0 «Рейнджерс»: Гол Менга", "ru") == []


def test_two_day_ranges_agree_only_with_the_same_first_and_last_day():
    assert reasons("between September 14 and 24", "en", "между 14 и 24 сентября", "ru") == []
    assert reasons("on 15 September", "en", "между 14 и 24 сентября", "ru") == []  # a day inside the range
    assert reasons("between September 14 and 19", "en", "14 ستمبر اور 24 کے درمیان", "ur") == [
        "date differs: this claim says --09-14/19 (September 14 and 19), "
        "the other source says --09-14/24 (14 ستمبر اور 24)"]


def test_a_figure_in_another_unit_with_a_twin_of_its_own_explains_only_that_twin():
    assert reasons("تكريم 25 عامًا من سرد القصص بزيادة هديتك بمبلغ 25 دولارًا", "ar",
                   "honoring our 33 years of storytelling by increasing your gift $25", "en") == [
        "number of years differs: this claim says 25, the other source says 33"]
    assert reasons("25 years of storytelling, a gift of $25", "en", "25 عامًا من سرد القصص بمبلغ 25 دولارًا", "ar") == []


def test_a_range_or_a_repeated_year_answered_on_the_other_side_explains_nothing_else():
    # the ranges answer each other, so 1948 faces 1937
    assert reasons("1936 اور 1940 کے درمیان یونان، ١٩٤٨ میں", "ur", "بين عام 1936 و1940 كانت اليونان، في 1937", "ar") == [
        "year differs: this claim says ١٩٤٨, the other source says 1937"]
    assert reasons("between 1936 and 1940, and in 1937", "en", "между 1936 и 1940, а в 1937 году", "ru") == []
    # a year stated twice against once, the other side's year left over
    assert reasons("masterminded the 1993 Manila air plot and the attack in 1993", "en",
                   "بتدبير مخطط مانيلا الجوي عام 1995 والهجوم في عام 1993", "ar") == [
        "year differs: this claim says 1993, the other source says 1995"]
    # "9/11" is no bare 9 that "more than two years" could stand for
    assert reasons("more than five years since 9/11", "en", "9/11 سے دو سال سے زائد عرصے", "ur") == [
        "number of years differs: this claim says more than 5 (five), the other source says more than 2 (دو)"]


def test_two_ranges_in_different_units_compare_end_by_end_and_up_to_a_range_is_the_range():
    assert reasons("3 to 6 inches of rain", "en", "до 7–15 см осадков", "ru") == []
    assert reasons("3 to 6 inches of rain", "en", "до 7–12 см осадков", "ru") == [
        "number differs: this claim says 3-6 inch (3 to 6), the other source says 7-12 cm (7–12)"]


def test_more_than_rounds_a_figure_down_it_does_not_cover_any_larger_one():
    assert reasons("more than 20 billion", "en", "21 billion", "en") == []
    assert reasons("At least 269 people have died", "en", "لقي 384 شخصًا مصرعهم", "ar") == []  # 1.43 times
    assert reasons("more than 150 km of coastline", "en", "300 км береговой линии", "ru") == [
        "number differs: this claim says more than 150 km, the other source says 300 km"]


def test_a_repeated_number_counts_even_when_an_ordinal_is_left_over_and_prime_time_is_no_multiplier():
    assert reasons("2.4 million prime-time viewers, and as many as 3.5 million viewers on news nights", "en",
                   "2.4 ملین پرائم ٹائم ناظرین، اور نیوز نائٹس میں 2.4 ملین ناظرین کے ساتھ پہلی پوزیشن", "ur") == [
        "number differs: this claim says 3.5 million, the other source says 2.4 million (2.4 ملین)"]


def test_a_vague_amount_explains_figures_up_to_ten_times_its_base():
    # "hundreds of comments" is no 92,400: the views differ
    assert reasons("With 77,000 views and hundreds of comments, the video drew mixed reactions", "en",
                   "92,400 ویوز اور ہزاروں تبصروں کے ساتھ، ویڈیو کو ملے جلے ردعمل کا سامنا ہوا", "ur") == [
        "number differs: this claim says 77,000, the other source says 92,400"]
    assert reasons("With 77,000 views and hundreds of comments, the video drew mixed reactions", "en",
                   "77,000 ویوز اور ہزاروں تبصروں کے ساتھ، ویڈیو کو ملے جلے ردعمل کا سامنا ہوا", "ur") == []
    # within its reach a vague amount still answers a figure: "hundreds of people" / "450 people"
    assert reasons("hundreds of people gathered", "en", "تجمع 450 شخصا", "ar") == []


def test_areas_convert_between_acres_hectares_and_square_units():
    assert reasons("يحتوي على 3.3 هكتار من الحدائق", "ar", "This 4.9-acre landmark garden", "en") == [
        "number differs: this claim says 3.3 ha, the other source says 4.9 acre"]
    assert reasons("يحتوي على 3.3 هكتار من الحدائق", "ar", "This 8.2-acre landmark garden", "en") == []
    assert reasons("сад площадью 3,3 акра", "ru", "3.3 ایکڑ کا باغ", "ur") == []


def test_a_vague_amount_is_no_twin_of_a_figure():
    from factcheck.checks import shared_values
    a = c("10 میٹر بلند لہریں اور درجنوں گاؤں تباہ", "ur")
    b = c("волны до 12 метров разрушили десятки деревень", "ru")
    assert shared_values(a, b) == ["10 (درجنوں)"]  # dozens meets dozens, not the 10 metres
    assert reasons("10 میٹر بلند لہریں", "ur", "разрушило десятки деревень", "ru") == []


def test_a_year_before_a_decade_word_that_does_not_end_in_zero_is_that_year():
    assert reasons("1980 کی دہائی میں ییل میں ایک پارٹی", "ur", "на вечеринке в Йеле в 1982-х годах", "ru") == [
        "year differs: this claim says 1980s (1980 کی دہائی), the other source says 1982 (1982-х годах)"]
    assert reasons("as in the 1950 movie", "en", "в фильме 1949-х годов", "ru") != []
    assert reasons("1980 کی دہائی میں ییل میں", "ur", "в Йеле в 1980-х годах", "ru") == []
    assert reasons("as in the 1950 movie", "en", "в фильме 1950-х годов", "ru") == []


def test_arabic_vague_counts_with_the_article_answer_their_twin():
    # "المئات من البيوت" (hundreds of houses) is the Russian "сотни домов": it does not also cover "200 people"
    assert [(q.value, q.approx) for q in extract("ودمرت المئات من البيوت", 0, "ar")] == [(100.0, "many")]
    ar = "في عام 1938، قُتل أكثر من 200 شخص ودمرت المئات من البيوت والمنازل في مدينة دونغالا."
    assert check(c(ar, "ar"), c("В 1938 году цунами убило более 100 человек и разрушило сотни домов в Донггала.", "ru")).conflicts
    assert not check(c(ar, "ar"), c("В 1938 году цунами убило более 200 человек и разрушило сотни домов в Донггала.", "ru")).conflicts


def test_a_number_word_is_no_figure_with_its_scale_left_out():
    ar = "وفقًا لاستطلاع شمل أكثر من 2000 بالغ في عام 2013، بلغت النسبة 15 في المائة."
    ur = "2013 میں {} سے زائد بالغ افراد کے سروے کے مطابق دو ہندسوں والی شرح، یعنی 15 فیصد"
    assert reasons(ar, "ar", ur.format("4,000"), "ur") == [
        "number differs: this claim says more than 2000, the other source says more than 4000 (4,000), 2 (دو)"]
    assert reasons(ar, "ar", ur.format("2,000"), "ur") == []
    # a figure in digits still stands for itself with the scale word left out, as in lists
    assert reasons("exports of 2.94 million tonnes", "en", "برآمدات 2.94 ٹن", "ur") == []


def test_a_shared_exact_figure_ties_two_claims_to_one_period():
    ar = "أنه وقعت {} حالة فرار في العام الماضي، مقارنة برقم 2706 في عام {}."
    ur = "گزشتہ سال 1,127 منحرفین تھے - جن کی تعداد 2011 میں 2,706 تھی۔"
    assert reasons(ur, "ur", ar.format(1127, 2006), "ar") == [
        "year differs: this claim says 2011, the other source says 2006"]
    assert reasons(ur, "ur", ar.format(1197, 2006), "ar") == [
        "year differs: this claim says 2011, the other source says 2006",
        "number differs: this claim says 1127 (1,127), the other source says 1197"]
    assert reasons(ur, "ur", ar.format(1127, 2011), "ar") == []
    # without a shared figure, a year and a figure that both differ are another period, as before
    assert check(c("trade reached 28 billion in 2023, up 12%", "en"),
                 c("trade passed 20 billion in 2024, up 12%", "en")).conflicts == ()


def test_a_distance_in_an_hour_is_the_speed_the_other_side_states():
    assert reasons("The jet flies 30,000 miles an hour.", "en", "جیٹ ایک گھنٹہ میں 20000 میل سفر کرتا ہے۔", "ur") == [
        "number differs: this claim says 30,000 mph, the other source says 20,000 mph (20000)"]
    assert reasons("The jet flies 20,000 miles an hour.", "en", "جیٹ ایک گھنٹہ میں 20000 میل سفر کرتا ہے۔", "ur") == []
    # both sides state the distance: no speed is read into it
    assert reasons("It flew 300 miles at 500 mph.", "en", "اس نے 500 میل فی گھنٹہ کی رفتار سے 300 میل اڑان بھری۔", "ur") == []


def test_a_figure_twinned_across_a_unit_the_other_side_left_out_explains_only_its_twin():
    # "more than 500 million" answers "более 500 миллионов человек" (people: a unit one side leaves out),
    # so it does not also explain "около 495 миллионов", which then faces "about 330 million"
    assert reasons("Each year more than 500 million cross the border, about 330 million of them foreigners", "en",
                   "Ежегодно более 500 миллионов человек пересекают границу, из них около 495 миллионов иностранцы",
                   "ru") == [
        "number differs: this claim says about 330 million, the other source says about 495 million (495 миллионов)"]
    assert reasons("Each year more than 500 million cross the border, about 480 million of them foreigners", "en",
                   "Ежегодно более 500 миллионов человек пересекают границу, из них около 495 миллионов иностранцы",
                   "ru") == []


def test_two_approximate_figures_agree_within_a_few_percent():
    assert reasons("about 490 million foreigners", "en", "около 495 миллионов иностранцев", "ru") == []
    assert reasons("about 300 people", "en", "около 320 человек", "ru") == []
    assert reasons("about 300 people", "en", "около 330 человек", "ru") == [
        "count of people differs: this claim says about 300, the other source says about 330"]
    # a year keeps its own precision: "around 1990" is not "around 1995"
    assert reasons("built around 1990", "en", "построен примерно в 1995 году", "ru") != []


def test_an_arabic_adverbial_ordinal_faces_the_other_side_s_ordinal():
    assert reasons("دعني أشرب كوبًا كبيرًا أولًا، ثم نتحدث", "ar", "let me have one big glass second, then we talk", "en") == [
        "ordinal differs: this claim says 1st (أولًا), the other source says 2nd (second)"]
    assert reasons("دعني أشرب كوبًا كبيرًا أولًا، ثم نتحدث", "ar", "let me have one big glass first, then we talk", "en") == []


def test_about_a_hyphenated_count_is_an_approximate_figure():
    assert reasons("about six weeks of outage", "en", "about a seven-week outage", "en") == [
        "number of weeks differs: this claim says about 6 (six), the other source says about 7 (seven)"]
