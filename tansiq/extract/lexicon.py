"""Trigger and role lexicons, English and French, as lemmas; extendable per deployment."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

ARREST, DISMANTLE, FOIL, ATTACK = "arrest", "dismantle", "foil", "attack"
RETURN, MEETING, PROGRAMME = "return", "meeting", "programme"


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


VERBS: dict[str, frozenset[str]] = {
    ARREST: _w("arrest detain apprehend capture arrêter interpeller appréhender écrouer"),
    DISMANTLE: _w("dismantle neutralize neutralise démanteler neutraliser"),
    FOIL: _w("foil thwart abort avert déjouer avorter"),
    ATTACK: _w(
        "attack bomb kill murder assassinate kidnap abduct shoot wound injure explode detonate"
        " destroy burn dynamite ambush massacre damage machinegun strafe behead execute"
        " attaquer tuer assassiner enlever blesser exploser incendier mitrailler"
    ),
    RETURN: _w("return revenir rentrer"),
    MEETING: _w("meet visit sign rencontrer réunir signer visiter"),
    PROGRAMME: _w("launch introduce lancer"),
}
NOUNS: dict[str, frozenset[str]] = {
    ARREST: _w("arrest detention arrestation interpellation"),
    DISMANTLE: _w("dismantling démantèlement"),
    FOIL: _w(""),
    ATTACK: _w(
        "attack bombing explosion assassination murder kidnapping abduction ambush massacre"
        " shooting blast killing arson attentat attaque assassinat enlèvement fusillade"
    ),
    RETURN: _w("returnee revenant"),
    MEETING: _w("meeting talks réunion rencontre"),
    PROGRAMME: _w(""),
}
PROGRAMME_NOUNS = _w("program programme initiative strategy plan projet stratégie")
WEAPONS = _w(
    "bomb explosive dynamite grenade rifle gun pistol revolver machinegun mortar rocket missile"
    " mine bullet shot firearm weapon charge device bazooka knife machete tnt ak-47 m-16 fal"
    " incendiary molotov cocktail car-bomb launcher submachinegun shotgun artillery"
    " bombe explosif grenade fusil arme pistolet couteau roquette kalachnikov"
)
PERSON_NOUNS = _w(
    "guerrilla terrorist gunman man men individual member rebel subversive assailant attacker"
    " militant commando killer hitman criminal suspect insurgent extremist jihadist fighter"
    " soldier policeman officer civilian peasant mayor judge priest journalist leader student"
    " businessman child woman minister director president official citizen people person"
    " worker employee guard bodyguard driver candidate governor senator deputy councilman"
    " diplomat ambassador farmer teacher son daughter wife husband family colonel captain"
    " general sergeant agent recruit returnee suspect"
    " homme femme enfant terroriste individu membre militant suspect policier gendarme"
)
PERP_NOUNS = _w(
    "guerrilla terrorist gunman men man individual member rebel subversive assailant attacker"
    " militant commando killer hitman criminal insurgent extremist jihadist fighter urban"
    " terroriste militant assaillant"
)
ORG_NOUNS = _w(
    "front army group movement party cartel organization organisation command unit cell"
    " brigade faction network commandos battalion mouvement groupe organisation cellule réseau"
)
TARGET_NOUNS = _w(
    "building embassy office headquarters house home residence vehicle car bus truck train"
    " plane aircraft helicopter tower pylon line station substation plant bank store shop"
    " church school university farm facility installation bridge road power pipeline"
    " headquarter post barracks base garrison hotel restaurant airport port ministry"
    " company factory premises property jeep truck dam network branch market camp"
    " bâtiment ambassade bureau maison véhicule voiture bus avion gare pont usine hôtel"
)


@dataclass(frozen=True)
class Lexicon:
    """The words the event rules look for; ``extended`` adds deployment- or domain-specific ones."""

    verbs: dict[str, frozenset[str]] = field(default_factory=lambda: dict(VERBS))
    nouns: dict[str, frozenset[str]] = field(default_factory=lambda: dict(NOUNS))
    weapons: frozenset[str] = WEAPONS
    person_nouns: frozenset[str] = PERSON_NOUNS
    perp_nouns: frozenset[str] = PERP_NOUNS
    org_nouns: frozenset[str] = ORG_NOUNS
    target_nouns: frozenset[str] = TARGET_NOUNS
    programme_nouns: frozenset[str] = PROGRAMME_NOUNS

    def event_type(self, lemma: str, pos: str) -> str | None:
        """The event type a trigger word evokes, if any."""
        table = self.verbs if pos == "VERB" else self.nouns
        return next((kind for kind, words in table.items() if lemma in words), None)

    def extended(self, **extra: frozenset[str]) -> Lexicon:
        """A copy with more words in the named word sets (weapons, perp_nouns, ...)."""
        changes = {name: getattr(self, name) | words for name, words in extra.items()}
        return replace(self, **changes)
