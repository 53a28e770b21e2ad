namespace Ceseda.Rules.Law;

/// <summary>The decisions and texts the rules cite most, written once.</summary>
internal static class Authorities
{
    // Hour deadlines (LEGAL-NOTES §1).
    public static readonly DecisionReference HoursNotDays = Citation.Decision("Cass. 1re civ.", "4 nov. 2010", "09-16.310");
    public static readonly DecisionReference ElevenMinutesLate = Citation.Decision("Cass. 1re civ.", "25 juin 2025", "24-12.723");
    public static readonly DecisionReference ProroguedAppeal2010 = Citation.Decision("Cass. 1re civ.", "12 mai 2010", "09-12.960");
    public static readonly DecisionReference ProroguedAppeal2018 = Citation.Decision("Cass. 1re civ.", "27 juin 2018", "17-22.135");
    public static readonly DecisionReference SameHour2000 = Citation.Decision("Cass. 2e civ.", "30 nov. 2000", "99-50.044");
    public static readonly DecisionReference SameHour2000Toussaint = Citation.Decision("Cass. 2e civ.", "30 nov. 2000", "99-50.084");
    public static readonly DecisionReference SameHour1995 = Citation.Decision("Cass. 2e civ.", "28 juin 1995", "94-50.009");
    public static readonly DecisionReference RegistryReceipt1996 = Citation.Decision("Cass. 2e civ.", "27 mars 1996", "95-50.023");
    public static readonly DecisionReference Oprea = Citation.Decision("CE", "10 févr. 2006", "273484", "Oprea");

    // Day and month deadlines (LEGAL-NOTES §2).
    public static readonly ArticleReference Cpc640 = Citation.Cpc("640");
    public static readonly ArticleReference Cpc641Days = Citation.Cpc("641", 1);
    public static readonly ArticleReference Cpc641Months = Citation.Cpc("641", 2);
    public static readonly ArticleReference Cpc642End = Citation.Cpc("642", 1);
    public static readonly ArticleReference Cpc642Prorogation = Citation.Cpc("642", 2);
    public static readonly DecisionReference AllProceduralDeadlines = Citation.Decision("Cass. 2e civ.", "1er oct. 2020", "19-17.797");
    public static readonly DecisionReference FrancRecourse = Citation.Decision("CE Sect.", "4 juin 1954", name: "Commune de Décines-Charpieu");
    public static readonly DecisionReference FrancRecourse2023 = Citation.Decision("CE", "15 déc. 2023", "472836");
    public static readonly DecisionReference AdministrativeProrogation = Citation.Decision("CE", "5 juin 2009", "312682");
    public static readonly DecisionReference VisaNonFranc = Citation.Decision("CAA Nantes", "12 mars 2019", "17NT03733");
    public static readonly DecisionReference AgeAtMost = Citation.Decision("CE", "30 janv. 2019", "422830");
    public static readonly SourceNote SilenceQuantieme =
        new("Jurisprudence administrative : délai de silence compté de quantième à quantième à compter de la réception de la demande (notes juridiques §2.2)");
}
