using System.Text;
using System.Xml.Linq;
using Ceseda.Rules;
using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

namespace Ceseda.Host.Docs;

/// <summary>Writes <c>rules-docs/</c> for the legal team from the rule catalogue, the source texts
/// and the golden cases: an index, one page per rule, the calendars, the readings and a
/// glossary. The pages are generated, never edited by hand.</summary>
internal sealed class DocsGenerator(IReadOnlyDictionary<string, LawArticle> law, string goldenRoot)
{
    private const string Generated = "> Page générée par `ceseda docs` à partir du code, des textes sources et des cas de référence : ne pas la modifier à la main.";

    private static readonly (string Prefix, string Heading)[] Groups =
    [
        ("interpreter.", "Livre Ier — Interprètes traducteurs (R.111-1 à R.111-12 ; R.141-x)"),
        ("adhoc-administrator.", "Livre Ier — Administrateurs ad hoc (R.111-13 à R.111-24 ; R.343-2 à R.343-11)"),
        ("attestation.", "Livre II — Attestation d'accueil (R.211-11 à R.211-26 ; R.313-x)"),
        ("visa.", "Livre II — Visas (R.211-4, D.211-5 à D.211-10 ; D.312-x)"),
        ("entry.", "Livre II — Autres documents d'entrée (R.211-27 à R.211-33)"),
        ("officer-competence.", "Livres II et VI — Compétence des agents (R.213-1, R.221-1, R.625-1)"),
        ("waiting-zone.", "Livre II — Zone d'attente (R.221-1 à R.223-14, R.222-4 ; R.342-x, R.343-x)"),
        ("association.", "Livre II — Accès des associations à la zone d'attente (R.223-8 à R.223-13 ; R.343-19 et s.)"),
        ("unhcr.", "Livre II — Agrément des représentants du Haut-Commissariat des Nations unies pour les réfugiés (R.223-3 ; R.343-13)"),
        ("retention.", "Livre V — Rétention administrative, voies de recours (R.552-12 à R.552-16 ; R.743-10 et s.)"),
        ("visabio.", "Livre VI — Traitement VISABIO (R.611-8 à R.611-15)"),
        ("border-refusal.", "Livre VI — Traitement des refus d'entrée à la frontière (R.611-18 à R.611-24)"),
        ("agdref.", "Livre VI — Système de gestion des dossiers des ressortissants étrangers AGDREF (D.611-1 et s. ; numéros non imprimés dans le texte source, D.611-3 non confirmé ; R.142-x)"),
        ("eloi.", "Livre VI — Traitement ELOI des mesures d'éloignement (R.611-25 et s. ; numéros non imprimés dans le texte source, non confirmés)"),
        ("carrier.", "Livre VI — Sanctions des entreprises de transport (R.625-1 à R.625-16)"),
        ("administrative.", "Méthodes du droit administratif (silence, recours, CE Oprea)"),
        ("cpc.", "Méthode du code de procédure civile (art. 640 à 642)"),
    ];

    public SortedDictionary<string, string> Generate()
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["README.md"] = Index(),
            ["glossary.md"] = Glossary(),
            ["readings.md"] = ReadingsPage(),
            ["calendars.md"] = CalendarsPage(),
            ["not-implemented.md"] = NotImplementedPage(),
        };
        foreach (var rule in RuleCatalogue.All)
        {
            pages[$"rules/{rule.Id}.md"] = RulePage(rule);
        }

        ProcedurePages.Add(pages, Path.Combine(goldenRoot, "..", "Ceseda.Scenarios"), Generated);
        return pages;
    }

    private string Index()
    {
        var md = new StringBuilder("# Règles de Ceseda\n\n").Append(Generated).Append("\n\n");
        md.Append("Chaque page cite l'article (numérotation 2009 et numérotation en vigueur depuis le 1er mai 2021), reproduit le texte source lorsqu'il figure au corpus, décrit le mode de computation ou l'arbre des conditions, les versions par date d'effet, les lectures discutées et des exemples tirés des cas de référence.\n\n");
        md.Append("Voir aussi : [lectures discutées](readings.md), [calendriers des jours fériés](calendars.md), [glossaire](glossary.md), [dispositions non implémentées](not-implemented.md).\n\n");
        foreach (var (prefix, heading) in Groups)
        {
            var rules = RuleCatalogue.All.Where(r => r.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (rules.Count == 0)
            {
                continue;
            }

            md.Append("## ").Append(heading).Append("\n\n| Règle | Objet | Articles |\n| --- | --- | --- |\n");
            foreach (var rule in rules)
            {
                md.Append("| [`").Append(rule.Id).Append("`](rules/").Append(rule.Id).Append(".md) | ").Append(Cell(rule.Title)).Append(" | ")
                    .Append(Cell(string.Join(" ; ", Articles(rule).Select(a => a.Text)))).Append(" |\n");
            }

            md.Append('\n');
        }

        ProcedurePages.IndexSection(md);
        return md.ToString();
    }

    private string RulePage(Rule rule)
    {
        var md = new StringBuilder($"# {rule.Title}\n\nIdentifiant : `{rule.Id}`\n\n{Generated}\n\n");
        md.Append("## Faits\n\n| Fait | Type | Requis | Description |\n| --- | --- | --- | --- |\n");
        foreach (var fact in rule.Facts)
        {
            var type = fact.Choices.IsEmpty ? fact.Type.ToString() : $"{fact.Type} ({string.Join(", ", fact.Choices)})";
            md.Append("| `").Append(fact.Name).Append("` | ").Append(type).Append(" | ").Append(fact.Required ? "oui" : "non").Append(" | ")
                .Append(Cell(fact.Description)).Append(" |\n");
        }

        md.Append('\n');
        switch (rule)
        {
            case DeadlineRule deadline:
                DeadlineSections(md, deadline);
                break;
            case ConditionRule condition:
                ConditionSections(md, condition);
                break;
        }

        Texts(md, rule);
        Examples(md, rule);
        return md.ToString();
    }

    private static void DeadlineSections(StringBuilder md, DeadlineRule rule)
    {
        md.Append("## Versions\n\n| Du | Au | Durée | Point de départ | Fondement | Certitude |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var v in rule.Versions)
        {
            md.Append("| ").Append(v.Id).Append(" | ").Append(v.Until is { } until ? IsoText.Format(until) : "en vigueur").Append(" | ")
                .Append(Length(v)).Append(" | ").Append(Cell(v.StartEvent)).Append(" | ")
                .Append(Cell(string.Join(" ; ", v.Citations.Select(c => c.Text)))).Append(" | ").Append(Confidence(v.Confidence)).Append(" |\n");
        }

        Notes(md, rule.Versions.Select(v => (v.Id, v.Note)));
        var method = rule.Versions[^1].Method;
        var hours = rule.Versions[^1].CountsOnTheClock;
        md.Append("## Mode de computation (version en vigueur)\n\n| Choix | Valeur | Fondement |\n| --- | --- | --- |\n");
        if (hours)
        {
            Row(md, "Décompte des heures (ou des jours d'heure à heure)", method.HourCounting, v => v == HourCounting.WallClock ? "sur l'horloge locale (« à la même heure »)" : "en temps écoulé");
        }
        else
        {
            Row(md, "Jour du point de départ", method.DayCounting, v => v == DayCounting.FirstDayExcluded ? "ne compte pas" : "compte");
            md.Append("| Mois | de quantième à quantième, à défaut le dernier jour du mois | ").Append(Cell(method.MonthCounting.Text)).Append(" |\n");
            Row(md, "Délai franc", method.Franc, v => v ? "oui : le dernier jour est reporté au lendemain" : "non");
        }

        Row(md, "Fin du délai", method.End, v => v == DeadlineEnd.ExactInstant ? "à l'instant exact (ni jour de départ écarté, ni fin à 24 heures)" : "le dernier jour à 24 heures");
        Row(md, "Samedi, dimanche, jour férié", method.Prorogation, v => v switch
        {
            Prorogation.None => "pas de prorogation",
            Prorogation.SameHour => "prorogé au premier jour ouvrable suivant, à la même heure",
            _ => "prorogé au premier jour ouvrable suivant, à 24 heures",
        });
        md.Append("| Calendrier | ").Append(method.ActPlace == ActPlace.CourtOfAppeal
            ? "celui du lieu où l'acte doit être accompli : siège de la cour d'appel (Basse-Terre pour Saint-Barthélemy et Saint-Martin)"
            : "celui du territoire de la demande").Append(" | ").Append(method.ActPlace == ActPlace.CourtOfAppeal ? "lecture holiday-calendar, par défaut" : "").Append(" |\n");
        md.Append("\nUn acte est dans le délai s'il est accompli au plus tard à l'échéance ; une fin « à 24 heures » s'écrit 00:00 du lendemain.\n\n");
        var readings = rule.Versions.SelectMany(v => v.Method.ContestedReadings).Concat(hours ? [Readings.HourCounting, Readings.AmbiguousEnd] : []).Distinct().ToList();
        if (method.ActPlace == ActPlace.CourtOfAppeal)
        {
            readings.Add(Readings.HolidayCalendar);
        }

        ReadingsSection(md, readings);
    }

    /// <summary>The length of a version, in French: its delay, the lengths by rank, or "given by the facts".</summary>
    internal static string Length(DeadlineVersion version) =>
        version.Delay?.ToString()
        ?? (version.DelaysByRank.IsEmpty ? "donnée par les faits" : "selon le rang : " + string.Join(", ", version.DelaysByRank.Select((d, i) => $"{i + 1}) {d}")));

    private static void ConditionSections(StringBuilder md, ConditionRule rule)
    {
        md.Append("## Versions\n\n| Du | Au | Fondement | Certitude |\n| --- | --- | --- | --- |\n");
        foreach (var v in rule.Versions)
        {
            md.Append("| ").Append(v.Id).Append(" | ").Append(v.Until is { } until ? IsoText.Format(until) : "en vigueur").Append(" | ")
                .Append(Cell(string.Join(" ; ", v.Citations.Select(c => c.Text)))).Append(" | ").Append(Confidence(v.Confidence)).Append(" |\n");
        }

        Notes(md, rule.Versions.Select(v => (v.Id, v.Note)));
        foreach (var v in rule.Versions)
        {
            md.Append("## Conditions à compter du ").Append(v.Id).Append("\n\n");
            Tree(md, v.Condition, 0);
            md.Append('\n');
        }

        md.Append("Résultat : « met » si toutes les conditions sont remplies ; « not-met » si l'une ne l'est pas (chacune est citée avec son article) ; « undetermined » si aucune n'est écartée mais qu'un fait manque (chaque fait manquant est nommé). Un fait manquant ne rend jamais une condition remplie.\n\n");
        ReadingsSection(md, [.. rule.Versions.SelectMany(v => v.Condition.Readings).Distinct()]);
    }

    private static void Tree(StringBuilder md, Condition condition, int depth)
    {
        md.Append(new string(' ', depth * 2)).Append("- **").Append(condition.Id).Append("** — ").Append(condition.Text);
        var facts = condition.Children.IsEmpty ? condition.Facts.ToList() : [];
        if (facts.Count > 0)
        {
            md.Append(" (").Append(string.Join(", ", facts.Select(f => $"`{f}`"))).Append(')');
        }

        md.Append(" — *").Append(condition.Citation.Text).Append("*\n");
        foreach (var child in condition.Children)
        {
            Tree(md, child, depth + 1);
        }
    }

    private static void ReadingsSection(StringBuilder md, IReadOnlyCollection<Reading> readings)
    {
        if (readings.Count == 0)
        {
            return;
        }

        md.Append("## Lectures discutées\n\n");
        foreach (var reading in readings)
        {
            md.Append("- [`").Append(reading.Id).Append("`](../readings.md#").Append(reading.Id).Append(") — ").Append(reading.Question)
                .Append(" Par défaut : `").Append(reading.Default.Id).Append("` (").Append(reading.Default.Label).Append(").\n");
        }

        md.Append('\n');
    }

    private void Texts(StringBuilder md, Rule rule)
    {
        var quoted = Articles(rule)
            .Where(a => a.Code == "CESEDA")
            .Select(a => (Reference: a, Article: law.GetValueOrDefault(a.Number)))
            .Where(x => x.Article is not null)
            .DistinctBy(x => x.Article!.Number)
            .ToList();
        md.Append("## Textes\n\n");
        if (quoted.Count == 0)
        {
            md.Append("Aucun des articles cités ne figure dans les textes sources du corpus (`law/`).\n\n");
            return;
        }

        foreach (var (reference, article) in quoted)
        {
            md.Append("### ").Append(reference.Code).Append(" art. ").Append(article!.Number).Append(" (numérotation 2009)\n\n");
            if (article.Origin.Length > 0)
            {
                md.Append("*").Append(article.Origin).Append("*\n\n");
            }

            foreach (var line in article.Text.Split('\n'))
            {
                md.Append("> ").Append(line).Append('\n');
            }

            md.Append('\n');
        }
    }

    private void Examples(StringBuilder md, Rule rule)
    {
        var directory = Path.Combine(goldenRoot, rule.Id);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.yaml").Where(f => !f.EndsWith(".received.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        md.Append("## Exemples (cas de référence)\n\n");
        if (files.Count == 0)
        {
            md.Append("Aucun cas de référence.\n");
            return;
        }

        md.Append(files.Count).Append(" cas dans `tests/Ceseda.Golden/").Append(rule.Id).Append("/`. Les décisions de justice d'abord, puis les cas construits.\n\n");
        foreach (var example in files.Select(GoldenExample.Load).OrderBy(e => e.IsConstructed).ThenBy(e => e.File, StringComparer.Ordinal))
        {
            md.Append("### ").Append(example.Title).Append("\n\n");
            md.Append("*Source : ").Append(example.Source).Append("* — `").Append(example.File).Append("`\n\n");
            md.Append("| Donnée | Valeur |\n| --- | --- |\n").Append("| territoire | ").Append(example.Territory).Append(" |\n");
            foreach (var (name, value) in example.Facts)
            {
                md.Append("| ").Append(name).Append(" | ").Append(Cell(value)).Append(" |\n");
            }

            foreach (var (name, value) in example.Options)
            {
                md.Append("| option ").Append(name).Append(" | ").Append(Cell(value)).Append(" |\n");
            }

            foreach (var (name, value) in example.Expected)
            {
                md.Append("| **").Append(name).Append("** | ").Append(Cell(value)).Append(" |\n");
            }

            if (example.Working is { Length: > 0 } working)
            {
                md.Append('\n');
                foreach (var line in working.Trim().Split('\n'))
                {
                    md.Append("> ").Append(line).Append('\n');
                }
            }

            md.Append('\n');
        }
    }

    private static string ReadingsPage()
    {
        var md = new StringBuilder("# Lectures discutées\n\n").Append(Generated).Append("\n\n");
        md.Append("Là où les textes ou la jurisprudence laissent plusieurs lectures possibles, chacune est une option nommée. Le moteur applique la lecture par défaut ; une requête peut en choisir une autre (`options.readings`), et chaque résultat indique sous quelles autres lectures il serait différent (`divergentReadings`).\n\n");
        foreach (var reading in Readings.All)
        {
            md.Append("## ").Append(reading.Id).Append("\n\n").Append(reading.Question).Append("\n\n*").Append(reading.Source.Text).Append("*\n\n");
            md.Append("| Option | Sens | Autorité |\n| --- | --- | --- |\n");
            foreach (var option in reading.Options)
            {
                md.Append("| `").Append(option.Id).Append('`').Append(option == reading.Default ? " (par défaut)" : "").Append(" | ")
                    .Append(Cell(option.Label)).Append(" | ").Append(Cell(option.Authority.Text)).Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string NotImplementedPage()
    {
        var md = new StringBuilder("# Dispositions non implémentées\n\n").Append(Generated).Append("\n\n");
        md.Append("Chaque article des textes sources (`law/`) est soit cité par une règle, soit listé ici avec la raison pour laquelle aucune règle ne l'exécute. Un test de couverture échoue lorsqu'un article qui contient une durée ou une condition n'est ni cité par une règle ni listé ici, et lorsqu'un article listé ici est aussi cité par une règle. Les règles prévues viennent en tête : le texte y fixe un délai, une durée ou une condition calculable qui n'est pas encore encodé.\n\n");
        md.Append("Le texte du 28 mars 2009 (`002`) n'imprime pas les numéros d'articles : ses dispositions sont listées sous le numéro que l'ordre du texte et ses renvois permettent d'établir, ou, à défaut, sous le nom de leur bloc ; l'explication dit comment le numéro a été établi.\n\n");
        var all = NotImplementedProvisions.All;
        md.Append("| Motif | Dispositions |\n| --- | --- |\n");
        foreach (var reason in Enum.GetValues<NotImplementedReason>())
        {
            var (anchor, title, _) = ReasonHeading(reason);
            md.Append("| [").Append(title).Append("](#").Append(anchor).Append(") | ")
                .Append(all.Count(p => p.Reason == reason)).Append(" |\n");
        }

        md.Append("| **Total** | **").Append(all.Length).Append("** |\n\n");
        foreach (var reason in Enum.GetValues<NotImplementedReason>())
        {
            var (anchor, title, meaning) = ReasonHeading(reason);
            md.Append("<a id=\"").Append(anchor).Append("\"></a>\n\n## ").Append(title).Append("\n\n").Append(meaning).Append("\n\n");
            var provisions = all.Where(p => p.Reason == reason).ToList();
            if (provisions.Count == 0)
            {
                md.Append("Aucune disposition.\n\n");
                continue;
            }

            md.Append("| Article | Explication |\n| --- | --- |\n");
            foreach (var provision in provisions)
            {
                md.Append("| ").Append(Cell(provision.Text)).Append(" | ").Append(Cell(provision.Explanation)).Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static (string Anchor, string Title, string Meaning) ReasonHeading(NotImplementedReason reason) => reason switch
    {
        NotImplementedReason.Planned => ("planned", "Règles prévues", "Le texte fixe un délai, une durée ou une condition calculable qui n'est pas encore encodé : l'explication dit quoi encoder."),
        NotImplementedReason.OutOfScope => ("out-of-scope", "Hors du champ du moteur", "La durée ou la condition est calculable, mais ne concerne aucune procédure que le moteur sert (fonctionnement d'une commission, durée d'un traitement)."),
        NotImplementedReason.NoComputableContent => ("no-computable-content", "Aucun contenu calculable", "Critère qualitatif ou délai non chiffré (« sans délai », « dans un délai raisonnable »)."),
        NotImplementedReason.ProceduralFormality => ("procedural-formality", "Formalités de procédure sans délai", "Motivation, notification, serment, pièces à produire : aucune échéance à calculer."),
        NotImplementedReason.Definition => ("definition", "Définitions et énumérations", "Le texte définit une notion ou énumère des documents ou des catégories."),
        NotImplementedReason.Referral => ("referral", "Renvois", "Le texte rend applicables d'autres articles."),
        NotImplementedReason.Organisational => ("organisational", "Dispositions d'organisation", "Organisation d'une autorité, d'une liste, d'une commission ou d'un service ; désignation de l'autorité compétente."),
        NotImplementedReason.DataProcessing => ("data-processing", "Traitements de données", "Finalités, données, destinataires et droits d'un traitement de données à caractère personnel ; les durées de conservation sont des règles prévues."),
        NotImplementedReason.Repealed => ("repealed", "Dispositions abrogées", "Le texte source imprime l'article comme abrogé."),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A reason of NotImplementedReason has no heading for not-implemented.md."),
    };

    private static string CalendarsPage()
    {
        var md = new StringBuilder("# Territoires et calendriers des jours fériés\n\n").Append(Generated).Append("\n\n");
        md.Append("Samedis, dimanches et jours fériés ne sont pas des jours ouvrables (CPC art. 642). Les jours de Pâques sont calculés pour 1900 à 2200.\n\n");
        foreach (var territory in Territories.All)
        {
            md.Append("## ").Append(territory.Name).Append(" (`").Append(territory.Id).Append("`)\n\nFuseau : `").Append(territory.Zone.Id).Append('`');
            if (territory.CourtOfAppealSeat != territory)
            {
                md.Append(" ; cour d'appel : ").Append(territory.CourtOfAppealSeat.Name);
            }

            md.Append("\n\n");
            if (territory.Notes is { } notes)
            {
                md.Append(notes).Append("\n\n");
            }

            md.Append("| Jour | Date | Années | Source | Certitude | Observations |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var h in territory.Holidays)
            {
                var years = h.ToYear >= Easter.MaxYear ? (h.FromYear <= Easter.MinYear ? "toutes" : $"depuis {h.FromYear}") : $"{h.FromYear}-{h.ToYear}";
                var note = string.Join(" ", new[] { h.Condition.Description, h.Note ?? "" }.Where(s => s.Length > 0));
                md.Append("| ").Append(Cell(h.Name)).Append(" | ").Append(h.Date).Append(" | ").Append(years).Append(" | ").Append(Cell(h.Source.Text))
                    .Append(" | ").Append(Confidence(h.Confidence)).Append(" | ").Append(Cell(note)).Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Glossary()
    {
        var md = new StringBuilder("# Glossaire\n\n").Append(Generated).Append("\n\n");
        md.Append("## Règles\n\n| Identifiant | Terme français | Article |\n| --- | --- | --- |\n");
        foreach (var rule in RuleCatalogue.All)
        {
            md.Append("| `").Append(rule.Id).Append("` | ").Append(Cell(rule.Title)).Append(" | ").Append(Cell(Articles(rule).FirstOrDefault()?.Text ?? "")).Append(" |\n");
        }

        md.Append("\n## Lectures\n\n| Identifiant | Question |\n| --- | --- |\n");
        foreach (var reading in Readings.All)
        {
            md.Append("| `").Append(reading.Id).Append("` | ").Append(Cell(reading.Question)).Append(" |\n");
        }

        md.Append("\n## Territoires\n\n| Identifiant | Territoire | Fuseau |\n| --- | --- | --- |\n");
        foreach (var territory in Territories.All)
        {
            md.Append("| `").Append(territory.Id).Append("` | ").Append(territory.Name).Append(" | `").Append(territory.Zone.Id).Append("` |\n");
        }

        md.Append("\n## Types du code\n\n| Type | Terme français |\n| --- | --- |\n");
        foreach (var (type, term) in DomainTerms())
        {
            md.Append("| `").Append(type).Append("` | ").Append(Cell(term)).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>Each public type of Ceseda.Rules and Ceseda.Workflows whose summary gives its French
    /// term in <c>&lt;i&gt;</c>, from the XML documentation.</summary>
    internal static IEnumerable<(string Type, string Term)> DomainTerms() =>
        new[] { typeof(RuleCatalogue).Assembly, typeof(Workflows.StateMachines.ProcedureDefinition).Assembly }
            .SelectMany(DomainTerms)
            .OrderBy(t => t.Type, StringComparer.Ordinal);

    private static IEnumerable<(string Type, string Term)> DomainTerms(System.Reflection.Assembly assembly)
    {
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(xml))
        {
            throw new FileNotFoundException($"The XML documentation of {assembly.GetName().Name} is needed for the glossary and was not found at {xml}.", xml);
        }

        var prefix = assembly.GetName().Name + ".";
        return XDocument.Load(xml).Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith("T:", StringComparison.Ordinal) == true)
            .Select(m => (Type: ((string)m.Attribute("name")!)[2..].Replace(prefix, "", StringComparison.Ordinal), Term: m.Element("summary")?.Element("i")?.Value))
            .Where(t => t.Term is not null)
            .Select(t => (t.Type.Replace("`1", "<T>", StringComparison.Ordinal).Replace("`2", "<T1, T2>", StringComparison.Ordinal),
                string.Join(" ", t.Term!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    private static IEnumerable<ArticleReference> Articles(Rule rule)
    {
        IEnumerable<Citation> citations = rule switch
        {
            DeadlineRule d => d.Versions.SelectMany(v => v.Citations),
            ConditionRule c => c.Versions.SelectMany(v => v.Citations),
            _ => [],
        };
        return citations.OfType<ArticleReference>().DistinctBy(a => (a.Code, a.Number, a.Alinea));
    }

    private static void Row<T>(StringBuilder md, string label, MethodChoice<T> choice, Func<T, string> describe)
        where T : struct
    {
        var value = describe(choice.Value);
        if (choice.Reading is { } reading)
        {
            value += $" (lecture `{reading.Id}`, par défaut)";
        }

        md.Append("| ").Append(label).Append(" | ").Append(Cell(value)).Append(" | ").Append(Cell(choice.Citation.Text)).Append(" |\n");
    }

    private static void Notes(StringBuilder md, IEnumerable<(string Id, string? Note)> notes)
    {
        md.Append('\n');
        foreach (var (id, note) in notes)
        {
            if (note is not null)
            {
                md.Append("- Version du ").Append(id).Append(" : ").Append(note).Append('\n');
            }
        }

        md.Append('\n');
    }

    private static string Confidence(Confidence confidence) => confidence switch
    {
        Rules.Law.Confidence.Settled => "acquis",
        Rules.Law.Confidence.Likely => "probable",
        Rules.Law.Confidence.Contested => "discuté",
        _ => "non confirmé",
    };

    internal static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
