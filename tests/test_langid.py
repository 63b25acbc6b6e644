"""langid.py: script-first language detection with real lingua models, and the script check."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import langid
from factcheck.errors import ConfigError, InputError
from factcheck.langid import DEFAULT_LANGS, check_script, detect, detect_document
from factcheck.types import Document

REPO = Path(__file__).resolve().parents[1]




def test_default_langs_constant():
    assert DEFAULT_LANGS == ("en", "ur", "ar", "ru", "kk", "fa", "tr", "fr", "de", "es", "zh", "hi")


@pytest.mark.parametrize("text,lang", [
    ("The president met his counterpart on Thursday in Washington.", "en"),
    ("Le président a rencontré son homologue jeudi à Paris.", "fr"),
    ("Der Präsident traf am Donnerstag seinen Amtskollegen.", "de"),
    ("El presidente se reunió con su homólogo el jueves.", "es"),
    ("Cumhurbaşkanı perşembe günü mevkidaşıyla görüştü.", "tr"),
    ("Россия и Казахстан подписали соглашение о сотрудничестве.", "ru"),
    ("Қазақстан Республикасы тәуелсіз мемлекет болып табылады.", "kk"),
    ("أعلنت كازاخستان رسميا انضمامها إلى الاتفاقات الإبراهيمية.", "ar"),
    ("روس اس وقت قازقستان کا اہم اسٹریٹجک پارٹنر اور اتحادی ہے۔", "ur"),
    ("وزیر امور خارجه ایران روز پنجشنبه با همتای خود دیدار کرد.", "fa"),
    ("中国经济增长了百分之五。", "zh"),
    ("यह एक परीक्षण वाक्य है।", "hi"),
])
def test_detect(text, lang):
    assert detect(text) == lang


def test_latin_names_do_not_flip_an_urdu_sentence():
    # more Latin than Urdu letters would be needed to flip it; names in Latin script are ignored
    assert detect("TASS کے ساتھ بات چیت میں CSTO اور BRICS پر بات ہوئی۔") == "ur"
    assert detect("Donald Trump نے کہا") == "ur"


def test_undetermined():
    assert detect("") is None
    assert detect("12345 !!! 7:40") is None
    assert detect("გამარჯობა მსოფლიო, ეს ქართული ტექსტია") is None  # Georgian not configured


def test_configured_subset():
    assert detect("Le président a rencontré son homologue jeudi.", ("en", "fr")) == "fr"
    assert detect("Hello there my friend", ("en",)) == "en"  # one Latin language: no model needed
    assert detect("Россия и Казахстан", ("en", "fr")) is None
    assert detect("გამარჯობა მსოფლიო", ("en", "ka")) == "ka"


def test_unknown_language_code():
    with pytest.raises(ConfigError, match="unknown language code"):
        detect("hello", ("en", "xx"))


def test_detector_is_built_once_per_language_set():
    detect("Le président a rencontré son homologue jeudi.", ("en", "fr"))
    before = langid._detector.cache_info()
    detect("The president met his counterpart.", ("fr", "en"))
    after = langid._detector.cache_info()
    assert after.hits == before.hits + 1 and after.misses == before.misses


def test_detect_document_weights_by_letters():
    text = ("Россия и Казахстан подписали соглашение о сотрудничестве в энергетике и торговле.\n"
            "Hello world.\n"
            "Президент заявил, что отношения двух стран развиваются успешно во всех сферах.\n")
    doc = Document(path="x", text=text, content_hash="0")
    assert detect_document(doc) == "ru"
    assert detect_document("\n\n12 34\n") is None


def test_detect_document_on_seeds(seeds):
    from factcheck.read import read_articles

    docs = read_articles(str(seeds))
    assert [detect_document(d) for d in docs] == ["ur", "ur", "ar", "ar"]


def test_check_script():
    assert check_script("Hello world", "a.txt") == "Latin"
    assert check_script("12 34 !!", "a.txt") is None
    assert check_script("Hello world and a little ไทย", "a.txt") == "Latin"
    with pytest.raises(InputError) as e:
        check_script("ሰላም ለዓለም ይህ ሙከራ ነው", "a.txt")
    assert str(e.value) == "a.txt: unsupported script: Ethiopic (supported: Latin, Arabic, Cyrillic, Han, Devanagari)"
    with pytest.raises(InputError) as e:
        check_script("안녕하세요 세계 여러분 Hi", "b.txt", ("en", "ru"))
    assert e.value.problem == "unsupported script: Hangul (supported: Latin, Cyrillic)"
    assert check_script("안녕하세요 세계 여러분", "b.txt", ("en", "ko")) == "Hangul"
    with pytest.raises(InputError, match="unsupported script: Thai"):
        check_script("ภาษาไทยเป็นภาษาราชการ", "c.txt")
    with pytest.raises(InputError, match="unsupported script: Georgian"):
        check_script("გამარჯობა მსოფლიო", "c.txt")


def test_scripts_of_letters():
    assert langid.char_script("a") == "Latin"
    assert langid.char_script("ب") == "Arabic"
    assert langid.char_script("中") == "Han"
    assert langid.char_script("Ａ") == "Latin"  # fullwidth
    assert langid.char_script("1") is None
    assert langid.char_script("،") is None
