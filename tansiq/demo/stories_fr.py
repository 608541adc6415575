"""Fictional French-language news stories."""

from __future__ import annotations

from tansiq.demo.storytools import Cast, Story, age, group_french, group_index, spelled

COURRIER = "Le Courrier des Deux Rives"
ECHO = "L'Écho du Sahel"


def cell_of_five(cast: Cast) -> Story:
    """Dismantling of a five-member cell of the Front of the Salt Roads."""
    rng, published, group = cast.rng, "2020-02-03", group_index("salt")
    leader, member = cast.members(group, 2)
    weapons, cash = rng.randint(3, 7), rng.randint(20, 60) * 1000
    return Story(
        "demantelement-cellule-routes-du-sel",
        "fr",
        f"Démantèlement d'une cellule de 5 membres liée au {group_french(group)}",
        published,
        "Julien Morvignac",
        COURRIER,
        (
            f"Les services de sécurité ont démantelé une cellule de 5 membres affiliée au "
            f"{group_french(group)}, a annoncé lundi le Bureau national de coordination de la "
            f"lutte antiterroriste (NCTCB).",
            f"Le chef présumé, {spelled(rng, leader, True)}, {age(leader, published)} ans, né à "
            f"{leader.birth_place}, a été interpellé avec {spelled(rng, member, True)}, "
            f"{age(member, published)} ans.",
            f"Selon les enquêteurs, la cellule préparait des repérages visant des dépôts de "
            f"carburant. {weapons} armes et {cash} euros ont été saisis.",
        ),
    )


def plot_foiled(cast: Cast) -> Story:
    """A foiled plot against a railway station."""
    rng, published, group = cast.rng, "2022-11-17", group_index("oases")
    first, second, third = cast.members(group, 3)
    arrests = rng.randint(4, 9)
    return Story(
        "projet-attentat-dejoue-gare",
        "fr",
        "Un projet d'attentat contre une gare déjoué, trois hommes mis en examen",
        published,
        "Nadia Belzoumra",
        ECHO,
        (
            f"{arrests} personnes ont été interpellées et trois hommes mis en examen dans une "
            f"enquête sur un projet d'attentat visant une gare, revendiqué en ligne par le "
            f"{group_french(group)}.",
            f"Les trois hommes sont {spelled(rng, first, True)}, {age(first, published)} ans, "
            f"{spelled(rng, second, True)}, {age(second, published)} ans, et "
            f"{spelled(rng, third, True)}, {age(third, published)} ans.",
            "Les enquêteurs estiment que le projet était à un stade avancé.",
        ),
    )


def cooperation_agreement(cast: Cast) -> Story:
    """NCTCB and its partner service abroad sign an agreement."""
    rng, published, group = cast.rng, "2024-03-08", group_index("wadi")
    (member,) = cast.members(group, 1)
    reports, arrests = rng.randint(120, 260), rng.randint(20, 45)
    return Story(
        "accord-cooperation-nctcb-desl",
        "fr",
        "Le NCTCB et la DESL renforcent leur coopération antiterroriste",
        published,
        "Julien Morvignac",
        COURRIER,
        (
            "Le Bureau national de coordination de la lutte antiterroriste (NCTCB) et la "
            "Direction de liaison pour la sécurité extérieure (DESL) ont signé jeudi un accord "
            "d'échange de renseignements.",
            f"Plus de {reports} signalements ont été échangés depuis 2021, ayant conduit à "
            f"{arrests} arrestations, selon un communiqué conjoint.",
            f"Le texte cite notamment le cas de {spelled(rng, member, True)}, présenté comme un "
            f"cadre des {group_french(group)}.",
        ),
    )
