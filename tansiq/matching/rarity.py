"""Name-token rarity: how much a matching token tells about identity.

A shared "Mohammed" or "Maria" says little; a shared rare family name says a
lot. The built-in table lists very frequent given names and family names
worldwide (hand-written, spelled in common romanisations); tokens are looked
up by phonetic key so every spelling variant gets the same weight. Unknown
tokens are treated as rare.
"""

from __future__ import annotations

from .latin import canonical_token
from .phonetic import phonetic_key

__all__ = ["COMMON_WEIGHT", "RARE_WEIGHT", "SHORT_WEIGHT", "token_weight"]

RARE_WEIGHT = 1.0
COMMON_WEIGHT = 0.35
SHORT_WEIGHT = 0.6

_COMMON_GIVEN = """
mohammed mohammad muhammad mohamed mehmet ahmed ahmad ali omar umar hassan hasan hussein
husain hussain ibrahim abdallah abdullah abdulrahman abdelrahman abdelaziz abdelkader
abdulkarim youssef yusuf yousef mahmoud mahmood mahmud mustafa mostafa khalid khaled
said saeed salim salem saleh salah hamid abdul abd abu karim rahim rahman aziz jamal
amin nasser nasir osama usama tariq tarek yasser yasir hamza ismail idris musa moussa
issa isa yahya zakaria othman osman usman jafar mansour mansur qasim kassem nur noor nour
din haji haq bakr bakar fatima fatma aisha maryam mariam khadija zainab zeinab leila layla
amina halima sara sarah hussein reza mehdi hossein javad abbas akbar gul jan khan shah
mir wali nabi sayed sayyid syed walid rashid majid aziz habib sharif faisal adel imad
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
peter henry carl arthur jose juan carlos luis miguel antonio francisco manuel pedro jorge
maria mary patricia jennifer linda elizabeth barbara susan jessica karen nancy lisa
margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
ana rosa carmen isabel lucia sofia elena olga natalia irina tatiana svetlana ivan sergei
dmitri andrei alexei vladimir nikolai pierre jean marie michel philippe alain francois
hans peter klaus wolfgang jurgen thomas stefan andreas christian martin
wei jing li ming hui ying jun hong hao yan lei jie xin yu min ji young sung hyun jin
raj ram anil sunil vijay amit rahul priya sanjay ravi krishna deepak kumar lakshmi
hiroshi takashi yuki akira kenji
"""

_COMMON_FAMILY = """
khan ahmed ali hussain shah hassan mohammed rahman begum akhtar
smith johnson williams brown jones miller davis wilson anderson taylor thomas moore
martin jackson thompson white harris clark lewis robinson walker young allen king wright
garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez torres flores
rivera gomez diaz cruz morales reyes gutierrez ortiz silva santos oliveira souza pereira
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann
rossi russo ferrari esposito bianchi romano colombo
ivanov smirnov kuznetsov popov petrov sokolov
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo
kim lee park choi jung kang cho yoon jang lim han
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong
singh kumar sharma patel gupta das shah yadav reddy rao
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir
"""

_COMMON_KEYS: frozenset[str] = frozenset(
    phonetic_key(canonical_token(word)) for word in (_COMMON_GIVEN + _COMMON_FAMILY).split()
)


def token_weight(key: str) -> float:
    """Identity weight of a name token given its phonetic key (0 < weight <= 1)."""
    if key in _COMMON_KEYS:
        return COMMON_WEIGHT
    if len(key) <= 2:
        return SHORT_WEIGHT
    return RARE_WEIGHT
