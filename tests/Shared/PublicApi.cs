using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;

namespace Ceseda.Tests.Shared;

/// <summary>Checks shared by the test projects of the packages: what their public surface
/// mentions, and what their NuGet package holds.</summary>
internal static class PublicApi
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>"Type uses DateTime" for each public member of <paramref name="assembly"/> that
    /// mentions DateTime, DateTimeOffset, TimeSpan or TimeZoneInfo.</summary>
    public static List<string> BannedTimeTypes(Assembly assembly) =>
        [.. assembly.GetExportedTypes().SelectMany(t => Mentioned(t).Where(IsBanned).Select(b => $"{t.FullName} uses {b.Name}"))];

    /// <summary>The assemblies <paramref name="assembly"/> references, beside the framework's.</summary>
    public static List<string> References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard").Order()];

    /// <summary>Runs <c>dotnet pack</c> on the project and returns the package's entries and nuspec.</summary>
    public static (List<string> Entries, string Nuspec) Pack(string repositoryRoot, string projectName)
    {
        var output = Directory.CreateTempSubdirectory("ceseda-pack").FullName;
        try
        {
            var project = Path.Combine(repositoryRoot, "src", projectName, projectName + ".csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", output, "-nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var process = Process.Start(start)!)
            {
                var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException(log);
                }
            }

            var package = Directory.GetFiles(output, projectName + ".*.nupkg").Single();
            using var zip = ZipFile.OpenRead(package);
            using var nuspec = new StreamReader(zip.GetEntry(projectName + ".nuspec")!.Open());
            return ([.. zip.Entries.Select(e => e.FullName)], nuspec.ReadToEnd());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

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
}
