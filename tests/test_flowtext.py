"""Help texts flow at the width of the screen: the YAML source's line breaks inside a paragraph go."""

from assistant.core import locations
from assistant.core.catalog import load_bank_folder
from assistant.core.flowtext import reflow


def test_a_paragraph_wrapped_in_the_source_becomes_one_line_and_paragraphs_stay_apart():
    source = "Indien de school twijfels of vragen heeft bij het\nattest, stellen ze deze vragen\neerst aan de ouders.\n\nEen optie kan zijn dat de CLB-arts\nde huisarts contacteert.\n"
    assert reflow(source) == ("Indien de school twijfels of vragen heeft bij het attest, stellen ze deze vragen eerst aan de ouders."
                              "\n\nEen optie kan zijn dat de CLB-arts de huisarts contacteert.")


def test_list_items_keep_their_own_line_and_take_their_continuation_lines():
    source = "Doel:\n- Inzicht krijgen in hoe de school\n  omgaat met aanwezigheden.\n- Sterktes in kaart brengen.\n1. eerst\n2) dan"
    assert reflow(source).splitlines() == [
        "Doel:", "- Inzicht krijgen in hoe de school omgaat met aanwezigheden.", "- Sterktes in kaart brengen.",
        "1. eerst", "2) dan",
    ]


def test_every_shipped_help_text_keeps_its_words_and_loses_only_line_breaks():
    banks = load_bank_folder(locations.banks_dir())
    helps = [q.help for bank in banks.values() for q in bank.questions() if q.help]
    assert helps
    for text in helps:
        flowing = reflow(text)
        assert flowing.split() == text.split()
        assert "\n\n\n" not in flowing
