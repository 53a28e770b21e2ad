using Ceseda.Rules.Tests.Golden;
using Ceseda.Tests.Shared;

namespace Ceseda.Rules.Tests.Architecture;

public sealed class PackageTest
{
    [Fact]
    public void Pack_RulesPackage_HoldsReadmeXmlDocsAndLicenceMetadata()
    {
        var (entries, nuspec) = PublicApi.Pack(GoldenFiles.RepositoryRoot(), "Ceseda.Rules");
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/Ceseda.Rules.dll", entries);
        Assert.Contains("lib/net10.0/Ceseda.Rules.xml", entries);
        Assert.Contains("<license type=\"expression\">Apache-2.0</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"NodaTime\"", nuspec, StringComparison.Ordinal);
    }
}
