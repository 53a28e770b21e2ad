using System.Xml.Linq;

namespace Ceseda.Host.Tests;

public sealed class ProceduresCommandTest
{
    [Fact]
    public async Task Procedures_WithoutArguments_ListsTheCatalogue()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "procedures");
        Assert.Equal(0, exit);
        Assert.Contains("retention.ordinance-appeal v1 — Appel de l'ordonnance du juge sur la rétention administrative", stdout, StringComparison.Ordinal);
        Assert.Contains("carrier.sanction v1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedures_OneProcedure_PrintsItsMermaidGolden()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "procedures", "retention.ordinance-appeal");
        Assert.Equal(0, exit);
        var golden = await File.ReadAllTextAsync(Path.Combine(Cli.DocsCommand.FindRepositoryRoot(), "tests", "Ceseda.Workflows.Tests", "Diagrams",
            "retention.ordinance-appeal.v1.mmd"));
        Assert.Equal(golden.ReplaceLineEndings("\n"), stdout);
    }

    [Fact]
    public async Task Procedures_Bpmn_IsXmlWithAProcess()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("", "procedures", "attestation.validation", "--format", "bpmn");
        Assert.Equal(0, exit);
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        Assert.Single(XDocument.Parse(stdout).Root!.Elements(bpmn + "process"));
    }

    [Theory]
    [InlineData("nope", "'nope' is not a procedure")]
    [InlineData("retention.ordinance-appeal --format svg", "--format is 'svg'; expected mermaid, dot or bpmn")]
    public async Task Procedures_BadArguments_SayWhatIsExpected(string arguments, string message)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("", ["procedures", .. arguments.Split(' ')]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
