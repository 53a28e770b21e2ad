using System.Collections.Immutable;
using System.Text;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Evaluation;
using Ceseda.Rules.Explanations;
using Ceseda.Rules.Law;

namespace Ceseda.Host.Cli;

/// <summary><c>ceseda explain</c>: one result explained in French, as text, Markdown or JSON.</summary>
internal static class ExplainCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        var (request, format) = Parse(args);
        var response = Evaluator.Evaluate(request);
        var text = format switch
        {
            "json" => EvaluationJson.Serialize(response) + "\n",
            "markdown" => Render(response, markdown: true),
            _ => Render(response, markdown: false),
        };
        await CesedaCommand.WriteAsync(stdout, text).ConfigureAwait(false);
        if (response.Error is { } error && format != "json")
        {
            await stderr.WriteLineAsync($"ceseda explain: {error.Message}").ConfigureAwait(false);
        }

        return response.Error is null ? 0 : 1;
    }

    internal static (EvaluationRequest Request, string Format) Parse(string[] args)
    {
        string? rule = null, territory = null, json = null;
        var format = "text";
        var facts = ImmutableArray.CreateBuilder<FactValue>();
        var options = Ceseda.Rules.Time.EvaluationOptions.Default;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{arg} needs a value.");
            switch (arg)
            {
                case "--territory":
                    territory = Next();
                    break;
                case "--start" or "--act" or "--refusal-date":
                    facts.Add(FactValue.Of(arg == "--refusal-date" ? "refusalDate" : arg[2..], Next()));
                    break;
                case "--fact":
                    var (name, value) = Split(Next(), arg);
                    facts.Add(value switch
                    {
                        "true" or "false" => FactValue.Of(name, value == "true"),
                        _ when long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => FactValue.Of(name, number),
                        _ when decimal.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _) => new FactValue(name, FactValueKind.Number, value),
                        _ => FactValue.Of(name, value),
                    });
                    break;
                case "--reading":
                    var (id, option) = Split(Next(), arg);
                    var reading = Readings.Find(id) ?? throw new UsageException(
                        $"--reading: '{id}' is not a reading; expected one of {string.Join(", ", Readings.All.Select(r => r.Id))}.");
                    options = reading.Option(option) is { } chosen
                        ? options with { Readings = options.Readings.With(reading, chosen) }
                        : throw new UsageException($"--reading: '{option}' is not an option of {id}; expected one of {string.Join(", ", reading.Options.Select(o => o.Id))}.");
                    break;
                case "--good-friday":
                    options = options with
                    {
                        GoodFriday = Next() switch
                        {
                            "true" => true,
                            "false" => false,
                            var other => throw new UsageException($"--good-friday: '{other}' is not true or false."),
                        },
                    };
                    break;
                case "--format":
                    format = Next();
                    if (format is not ("text" or "markdown" or "json"))
                    {
                        throw new UsageException($"--format: '{format}' is not a format; expected text, markdown or json.");
                    }

                    break;
                case "--json":
                    json = Next();
                    break;
                default:
                    if (arg.StartsWith('-') || rule is not null)
                    {
                        throw new UsageException($"unexpected argument '{arg}'.\n\n{CesedaCommand.Usage}");
                    }

                    rule = arg;
                    break;
            }
        }

        if (json is not null)
        {
            return (EvaluationJson.ReadRequest(Encoding.UTF8.GetBytes(json)), format);
        }

        return (new EvaluationRequest { Rule = rule, Territory = territory, Facts = facts.ToImmutable(), Options = options }, format);
    }

    internal static string Render(EvaluationResponse response, bool markdown)
    {
        var text = new StringBuilder();
        if (response.Error is { } error)
        {
            text.Append(markdown ? "**Erreur** " : "Erreur ").Append('(').Append(error.Code).Append(") : ").Append(error.Message).Append('\n');
            return text.ToString();
        }

        if (response.Condition is { } condition)
        {
            return RenderCondition(response, condition, markdown);
        }

        var result = response.Deadline!.Value;
        var rule = result.Rule;
        text.Append(markdown ? "# " : "").Append(rule.Title).Append(" — ").Append(rule.Id).Append("\n\n");
        text.Append(markdown ? "**Échéance** : " : "Échéance : ").Append(French.DateTime(result.ExpiresAt))
            .Append(" — ").Append(IsoText.Format(result.ExpiresAt)).Append('\n');
        if (result.Timely is { } timely)
        {
            text.Append(markdown ? "**Acte dans le délai** : " : "Acte dans le délai : ").Append(timely ? "oui" : "non").Append('\n');
        }

        text.Append(markdown ? "**Version** : " : "Version : ").Append("en vigueur à compter du ").Append(result.Version.Id)
            .Append(" — ").Append(string.Join(" ; ", result.Version.Citations.Take(2).Select(c => c.Text))).Append("\n\n");
        text.Append(markdown ? "## Raisonnement\n\n" : "Raisonnement :\n");
        text.Append(markdown ? response.Explanation!.ToMarkdown() : response.Explanation!.ToText());
        if (!response.DivergentReadings.IsEmpty)
        {
            text.Append(markdown ? "\n## Lectures divergentes\n\n" : "\nLectures divergentes :\n");
            foreach (var divergent in response.DivergentReadings)
            {
                text.Append("- ").Append(divergent.Reading.Id).Append(" = ").Append(divergent.Option.Id)
                    .Append(" (").Append(divergent.Option.Label).Append(") : échéance ").Append(French.DateTime(divergent.ExpiresAt));
                if (divergent.Timely is { } t)
                {
                    text.Append(t ? ", acte dans le délai" : ", acte hors délai");
                }

                text.Append('\n');
            }
        }

        if (result.Version.Note is { } note)
        {
            text.Append(markdown ? "\n> " : "\nNote : ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static string RenderCondition(EvaluationResponse response, ConditionResult result, bool markdown)
    {
        var text = new StringBuilder();
        text.Append(markdown ? "# " : "").Append(result.Rule.Title).Append(" — ").Append(result.Rule.Id).Append("\n\n");
        text.Append(markdown ? "**Résultat** : " : "Résultat : ").Append(result.Outcome switch
        {
            Outcome.Met => "conditions remplies",
            Outcome.NotMet => "conditions non remplies",
            _ => "indéterminé (faits manquants)",
        }).Append('\n');
        text.Append(markdown ? "**Version** : " : "Version : ").Append("en vigueur à compter du ").Append(result.Version.Id)
            .Append(" — ").Append(result.Version.Citations[0].Text).Append("\n\n");
        text.Append(markdown ? "## Raisonnement\n\n" : "Raisonnement :\n");
        text.Append(markdown ? response.Explanation!.ToMarkdown() : response.Explanation!.ToText());
        if (!response.DivergentOutcomes.IsEmpty)
        {
            text.Append(markdown ? "\n## Lectures divergentes\n\n" : "\nLectures divergentes :\n");
            foreach (var divergent in response.DivergentOutcomes)
            {
                text.Append("- ").Append(divergent.Reading.Id).Append(" = ").Append(divergent.Option.Id)
                    .Append(" (").Append(divergent.Option.Label).Append(") : ").Append(EvaluationJson.OutcomeId(divergent.Outcome)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static (string Name, string Value) Split(string pair, string option)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 ? (pair[..eq], pair[(eq + 1)..]) : throw new UsageException($"{option}: expected NAME=VALUE, got '{pair}'.");
    }
}
