using System.Diagnostics;
using System.Text;
using Ceseda.Host.Cli;

namespace Ceseda.Host.Tests;

internal static class CliRunner
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exit = await CesedaCommand.RunAsync(args, input, output, error);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>Runs the built <c>ceseda</c> in its own process with the given environment.</summary>
    public static async Task<(int Exit, string Stdout)> RunProcessAsync(string stdin, IDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ceseda.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stderr;
        return (process.ExitCode, await stdout);
    }
}
