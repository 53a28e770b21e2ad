using System.Reflection;
using Ceseda.Rules.Law;
using Ceseda.Rules.Time;

namespace Ceseda.Rules.Tests.Architecture;

public sealed class PublicSurfaceTest
{
    private static readonly Assembly Rules = typeof(RuleCatalogue).Assembly;

    private static IEnumerable<Type> Mentioned(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var property in type.GetProperties(flags))
        {
            yield return property.PropertyType;
        }

        foreach (var field in type.GetFields(flags))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(flags).Concat<MethodBase>(type.GetConstructors(flags)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }

    private static bool IsBanned(Type type)
    {
        var t = type.IsByRef || type.IsArray ? type.GetElementType()! : type;
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(TimeZoneInfo)
            || (t.IsGenericType && t.GetGenericArguments().Any(IsBanned));
    }

    [Fact]
    public void PublicTypes_UseNodaTimeOnly_NoDateTimeOrTimeSpan()
    {
        var offenders = Rules.GetExportedTypes()
            .SelectMany(t => Mentioned(t).Where(IsBanned).Select(b => $"{t.FullName} uses {b.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void RulesAssembly_ReferencesNodaTimeAndTheFrameworkOnly()
    {
        var references = Rules.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard")
            .ToList();
        Assert.Equal(["NodaTime"], references);
    }

    [Fact]
    public void EveryDeadlineVersion_CitesItsArticleAndEveryRuleHasAVersion()
    {
        foreach (var rule in RuleCatalogue.All.OfType<DeadlineRule>())
        {
            Assert.NotEmpty(rule.Versions);
            Assert.All(rule.Versions, v => Assert.NotEmpty(v.Citations));
            Assert.Matches("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", rule.Id);
        }
    }

    [Fact]
    public void Versions_OfEachRule_AreContiguousFromTheFirstEffect()
    {
        foreach (var rule in RuleCatalogue.All.OfType<DeadlineRule>())
        {
            var versions = rule.Versions;
            for (var i = 0; i + 1 < versions.Length; i++)
            {
                Assert.Equal(versions[i + 1].From, versions[i].Until);
            }

            Assert.Null(versions[^1].Until);
        }
    }

    [Fact]
    public void Readings_Ids_AreUniqueAndEachDefaultIsOneOfItsOptions()
    {
        Assert.Equal(Readings.All.Length, Readings.All.Select(r => r.Id).Distinct().Count());
        Assert.All(Readings.All, r => Assert.Contains(r.Default, r.Options));
    }
}
