"""Claim kinds and check-worthiness."""
from factcheck.claims import HIDE_BELOW, classify
from factcheck.quantities import extract


def kind(text, lang):
    return classify(text, extract(text, 0, lang), lang)


def test_kinds():
    assert kind("Trade reached 28 billion dollars in 2023.", "en")[0] == "quantity"
    assert kind("قازقستان کے اسرائیل کے ساتھ 1992 سے سفارتی تعلقات ہیں", "ur")[0] == "date"
    assert kind('Trump said the deal was "a big step forward".', "en")[0] == "attribution"
    assert kind("The ceremony will make it official soon.", "en")[0] == "event"
    assert kind("Blessed are the peacemakers!", "en")[0] == "opinion"


def test_slogans_score_below_the_threshold_and_facts_above():
    for slogan, lang in (("Blessed are the peacemakers!", "en"), ("“طوبى لصانعي السلام!”", "ar"),
                         ("مبارک ہیں امن کا حصہ بننے والے!", "ur")):
        assert kind(slogan, lang)[1] < HIDE_BELOW
    assert kind("Trade reached 28 billion dollars in 2023.", "en")[1] >= 0.8
    assert kind("Kazakhstan and Israel have had diplomatic relations since 1992.", "en")[1] >= 0.6
