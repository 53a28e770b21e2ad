using Ceseda.Tests.Shared;
using Ceseda.Workflows.Procedures;
using Ceseda.Workflows.StateMachines;

namespace Ceseda.Workflows.Tests.Architecture;

public sealed class ArchitectureTest
{
    private static readonly System.Reflection.Assembly Workflows = typeof(ProcedureDefinition).Assembly;

    [Fact]
    public void PublicTypes_UseNodaTimeOnly_NoDateTimeOrTimeSpan() => Assert.Empty(PublicApi.BannedTimeTypes(Workflows));

    /// <summary>The runtime (Runtime/, DependencyInjection/) brings EF Core on SQLite and on PostgreSQL
    /// (Npgsql's provider, for several nodes), the two ADO.NET providers under them (the store's hot path runs
    /// prepared SQL on their connections), Quartz for the durable timer, and the Microsoft.Extensions
    /// abstractions (DI, options, hosting, logging, metrics through IMeterFactory); nothing else comes in.</summary>
    [Fact]
    public void WorkflowsAssembly_DependsOnRulesNodaTimeEfCoreSqlitePostgresQuartzAndExtensionsOnly() =>
        Assert.Equal(
        [
            "Ceseda.Rules",
            "Microsoft.Data.Sqlite",
            "Microsoft.EntityFrameworkCore",
            "Microsoft.EntityFrameworkCore.Relational",
            "Microsoft.EntityFrameworkCore.Sqlite",
            "Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.Diagnostics",
            "Microsoft.Extensions.Hosting.Abstractions",
            "Microsoft.Extensions.Logging.Abstractions",
            "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Options.DataAnnotations",
            "NodaTime",
            "Npgsql",
            "Npgsql.EntityFrameworkCore.PostgreSQL",
            "Quartz",
        ], PublicApi.References(Workflows));

    /// <summary>The state machine core and the procedures stay pure: no persistence, no DI.</summary>
    [Theory]
    [InlineData("StateMachines")]
    [InlineData("Procedures")]
    [InlineData("Diagrams")]
    public void PureFolders_UseNeitherEfCoreNorMicrosoftExtensions(string folder)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Ceseda.Workflows", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                    || text.Contains("Microsoft.Extensions", StringComparison.Ordinal)
                    || text.Contains("Ceseda.Workflows.Runtime", StringComparison.Ordinal)))
            .Select(Path.GetFileName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Pack_WorkflowsPackage_HoldsReadmeXmlDocsAndItsDependencyOnRules()
    {
        var (entries, nuspec) = PublicApi.Pack(Repository.Root, "Ceseda.Workflows");
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/Ceseda.Workflows.xml", entries);
        Assert.Contains("<license type=\"expression\">Apache-2.0</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"Ceseda.Rules\"", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_EveryProcedure_HasAUniqueKeyCitationsAndAnInitialState()
    {
        Assert.Equal(ProcedureCatalogue.All.Length, ProcedureCatalogue.All.Select(d => d.Key).Distinct().Count());
        Assert.All(ProcedureCatalogue.All, d =>
        {
            Assert.NotEmpty(d.Citations);
            Assert.Contains(d.States, s => s.Name == d.InitialState);
            Assert.All(d.Transitions.Where(t => t.Guard is not null), t => Assert.False(string.IsNullOrWhiteSpace(t.Guard!.Citation.Text)));
        });
    }

    [Fact]
    public void Catalogue_EveryStateIsReachableFromTheInitialState()
    {
        Assert.All(ProcedureCatalogue.All, d =>
        {
            var reached = new HashSet<string> { d.InitialState };
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var t in d.Transitions.Where(t => reached.Contains(t.Source) || d.States.Any(s => reached.Contains(s.Name) && Ancestors(d, s.Name).Contains(t.Source))))
                {
                    foreach (var target in new[] { t.Destination, t.LateDestination }.OfType<string>().SelectMany(x => Ancestors(d, x).Append(x).Concat(Initial(d, x))))
                    {
                        changed |= reached.Add(target);
                    }
                }
            }

            var unreachable = d.States.Select(s => s.Name).Where(s => !reached.Contains(s) && !d.States.Any(c => c.Parent == s && reached.Contains(c.Name)));
            Assert.True(!unreachable.Any(), $"{d.Key}: unreachable states {string.Join(", ", unreachable)}");
        });
    }

    private static IEnumerable<string> Initial(ProcedureDefinition d, string state)
    {
        for (var s = d.States.First(x => x.Name == state).InitialSubstate; s is not null; s = d.States.First(x => x.Name == s).InitialSubstate)
        {
            yield return s;
        }
    }

    private static IEnumerable<string> Ancestors(ProcedureDefinition d, string state)
    {
        for (var s = d.States.First(x => x.Name == state).Parent; s is not null; s = d.States.First(x => x.Name == s).Parent)
        {
            yield return s;
        }
    }
}
