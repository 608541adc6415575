"""Given names used on the watchlist: Latin spellings, romanisation variants, Arabic script.

Given names are common, real given names; surnames are always invented (see surnames.py).
Each row: canonical|variants|arabic|gender (m/f)|region (maghreb/sahel).
"""

from __future__ import annotations

from dataclasses import dataclass

_TABLE = """
Mohammed|Mohamed,Muhammad,Mohamad,Mouhamed|محمد|m|maghreb
Abdelkrim|Abdel Krim,Abdul Karim,Abd al-Karim,Abdelkarim|عبد الكريم|m|maghreb
Abdelaziz|Abdel Aziz,Abdul Aziz,Abd al-Aziz|عبد العزيز|m|maghreb
Abdelkader|Abdel Kader,Abdul Qadir,Abd al-Qadir,Abdelkadir|عبد القادر|m|maghreb
Abdelhamid|Abdel Hamid,Abdul Hamid,Abd al-Hamid|عبد الحميد|m|maghreb
Abdallah|Abdullah,Abd Allah,Abdellah|عبد الله|m|maghreb
Abderrahmane|Abdel Rahman,Abdul Rahman,Abd al-Rahman,Abderahmane|عبد الرحمن|m|maghreb
Youssef|Yousef,Yusuf,Youcef,Yussuf|يوسف|m|maghreb
Khaled|Khalid,Haled,Khaleed|خالد|m|maghreb
Hicham|Hisham,Hichem,Hesham|هشام|m|maghreb
Rachid|Rashid,Rachide,Rasheed|رشيد|m|maghreb
Mustapha|Mustafa,Moustapha,Mostafa|مصطفى|m|maghreb
Omar|Umar,Oumar,Omer|عمر|m|maghreb
Othmane|Uthman,Osman,Outhmane|عثمان|m|maghreb
Said|Saïd,Sa'id,Saeed|سعيد|m|maghreb
Karim|Kareem,Krim|كريم|m|maghreb
Ahmed|Ahmad,Ahmet,Hmed|أحمد|m|maghreb
Hassan|Hasan,Hacene|حسن|m|maghreb
Hussein|Houssein,Husayn,Hocine|حسين|m|maghreb
Ibrahim|Brahim,Ibrahima,Ebrahim|إبراهيم|m|maghreb
Ismail|Smail,Ismaël,Ismael|إسماعيل|m|maghreb
Yacine|Yassine,Yasin,Yassin|ياسين|m|maghreb
Bilal|Bilel,Belal|بلال|m|maghreb
Nabil|Nabeel,Nabile|نبيل|m|maghreb
Tarik|Tariq,Tarek,Tarak|طارق|m|maghreb
Soufiane|Sofiane,Sufyan,Soufyane|سفيان|m|maghreb
Zakaria|Zakariya,Zakariyya,Zakarya|زكريا|m|maghreb
Amine|Amin,Lamine|أمين|m|maghreb
Djamel|Jamal,Jamel,Gamal|جمال|m|maghreb
Chakib|Shakib,Chekib|شكيب|m|maghreb
Mehdi|Mahdi,Mehdy|مهدي|m|maghreb
Walid|Oualid,Waleed,Ualid|وليد|m|maghreb
Noureddine|Nour Eddine,Nur al-Din,Nourredine|نور الدين|m|maghreb
Salaheddine|Salah Eddine,Salah al-Din,Salahdine|صلاح الدين|m|maghreb
Fatima|Fatma,Fatouma,Fatimah|فاطمة|f|maghreb
Khadija|Khadidja,Hadija,Khadeeja|خديجة|f|maghreb
Aicha|Aisha,Aïcha,Aysha|عائشة|f|maghreb
Meriem|Maryam,Myriam,Mariem|مريم|f|maghreb
Nadia|Nadiya,Nadiyah|نادية|f|maghreb
Samira|Sameera,Smira|سميرة|f|maghreb
Zineb|Zaynab,Zainab,Zeineb|زينب|f|maghreb
Souad|Suad,Soad|سعاد|f|maghreb
Leila|Layla,Leïla,Laila|ليلى|f|maghreb
Rachida|Rashida,Rachidah|رشيدة|f|maghreb
Naima|Naïma,Naeema|نعيمة|f|maghreb
Hafsa|Hafssa,Hafsah|حفصة|f|maghreb
Amina|Amena,Aminah|آمنة|f|maghreb
Amadou|Ahmadou,Hamadou,Amadu|أمادو|m|sahel
Mamadou|Mamadu,Mahamadou|مامادو|m|sahel
Boubacar|Abubakar,Aboubacar,Abu Bakr|أبو بكر|m|sahel
Moussa|Musa,Mousa,Moussah|موسى|m|sahel
Souleymane|Sulayman,Suleiman,Souleimane|سليمان|m|sahel
Ousmane|Usman,Ousman|عثمان|m|sahel
Idrissa|Idris,Driss,Idrissou|إدريس|m|sahel
Cheikh|Sheikh,Shaykh,Chaikh|شيخ|m|sahel
Alhassane|Al-Hassan,Alassane,Elhassane|الحسن|m|sahel
Aliou|Aliyu,Ali,Alioune|علي|m|sahel
Adama|Adamou,Adam|آداما|m|sahel
Mariam|Mariama,Maryam|مريم|f|sahel
Aminata|Aminatou,Aminetou|أميناتا|f|sahel
Hawa|Hawwa,Haoua|حواء|f|sahel
Kadiatou|Khadijatou,Kadidia|خديجاتو|f|sahel
"""


@dataclass(frozen=True)
class GivenName:
    """A given name with its romanisation variants and its Arabic-script form."""

    latin: str
    variants: tuple[str, ...]
    arabic: str
    gender: str
    region: str


def _parse(table: str) -> tuple[GivenName, ...]:
    rows: list[GivenName] = []
    for line in table.strip().splitlines():
        latin, variants, arabic, gender, region = line.split("|")
        sex = "male" if gender == "m" else "female"
        rows.append(GivenName(latin, tuple(variants.split(",")), arabic, sex, region))
    return tuple(rows)


GIVEN_NAMES: tuple[GivenName, ...] = _parse(_TABLE)


def given_names(gender: str, region: str) -> tuple[GivenName, ...]:
    """All given names of one gender ("male"/"female") and region ("maghreb"/"sahel")."""
    return tuple(g for g in GIVEN_NAMES if g.gender == gender and g.region == region)
