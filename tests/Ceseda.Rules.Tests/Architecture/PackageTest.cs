using System.Diagnostics;
using System.IO.Compression;
using Ceseda.Rules.Tests.Golden;

namespace Ceseda.Rules.Tests.Architecture;

public sealed class PackageTest
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void Pack_RulesPackage_HoldsReadmeXmlDocsAndLicenceMetadata()
    {
        var output = Directory.CreateTempSubdirectory("ceseda-pack").FullName;
        try
        {
            var project = Path.Combine(GoldenFiles.RepositoryRoot(), "src", "Ceseda.Rules", "Ceseda.Rules.csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", output, "-nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var process = Process.Start(start)!)
            {
                var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, log);
            }

            var package = Assert.Single(Directory.GetFiles(output, "Ceseda.Rules.*.nupkg"));
            using var zip = ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/Ceseda.Rules.dll", entries);
            Assert.Contains("lib/net10.0/Ceseda.Rules.xml", entries);
            using var nuspec = new StreamReader(zip.GetEntry("Ceseda.Rules.nuspec")!.Open());
            var text = nuspec.ReadToEnd();
            Assert.Contains("<license type=\"expression\">Apache-2.0</license>", text, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
            Assert.Contains("<dependency id=\"NodaTime\"", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
