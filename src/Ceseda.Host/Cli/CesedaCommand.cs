using Ceseda.Host.Serve;

namespace Ceseda.Host.Cli;

/// <summary>The <c>ceseda</c> command line: dispatches to its verbs.</summary>
internal static class CesedaCommand
{
    public const string Usage = """
        ceseda: CESEDA deadlines computed, explained and cited.

        Usage:
          ceseda serve [--urls URL] [--store sqlite|postgres] [--connection CS] [--no-demo]
                                          the HTTP API over durable cases (default: http://localhost:5080,
                                          SQLite file ceseda.db in the working directory, demo cases if empty)
          ceseda evaluate                 JSON Lines requests on stdin, one JSON response per line on stdout
          ceseda explain RULE --territory T --start INSTANT [--act INSTANT] [--fact NAME=VALUE]...
                         [--reading ID=OPTION]... [--good-friday true|false] [--format text|markdown|json]
          ceseda explain --json REQUEST   the same, from one request of the evaluation contract
          ceseda rules [--json]           the rule catalogue, with facts, versions, citations and readings
          ceseda procedures [ID [--format mermaid|dot|bpmn]]
                                          the procedures, or one procedure's state diagram
          ceseda docs [--check]           regenerates rules-docs/ (or says whether it is stale)

        Example:
          ceseda explain retention.appeal --territory metropole --start 2017-01-20T17:20+01:00 --act 2017-01-23T09:01+01:00
        """;

    public static async Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await WriteAsync(stdout, Usage + "\n").ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "serve" => await ServeAsync(args[1..], stdout, stderr).ConfigureAwait(false),
                "evaluate" => await EvaluateCommand.RunAsync(stdin, stdout).ConfigureAwait(false),
                "explain" => await ExplainCommand.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false),
                "rules" => await RulesCommand.RunAsync(args[1..], stdout).ConfigureAwait(false),
                "procedures" => await ProceduresCommand.RunAsync(args[1..], stdout).ConfigureAwait(false),
                "docs" => await DocsCommand.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false),
                _ => await UnknownAsync(args[0], stderr).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"ceseda {args[0]}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    internal static async Task WriteAsync(Stream stdout, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await stdout.WriteAsync(bytes).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        await using var writer = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        return await ServeCommand.RunAsync(args, writer, stderr).ConfigureAwait(false);
    }

    private static async Task<int> UnknownAsync(string verb, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"ceseda: '{verb}' is not a command; expected serve, evaluate, explain, rules, procedures or docs. `ceseda --help` shows the usage.").ConfigureAwait(false);
        return 2;
    }
}

/// <summary>A command line that does not fit the verb's usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
