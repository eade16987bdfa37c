namespace K8sCertOperator.Bench;

/// <summary>
/// Which operator executable a bench runs and with what environment: K8SCERT_BENCH_OPERATOR names a
/// published executable (what the image ships: build/publish-native.sh), run with the image's environment (the
/// Dockerfile's ENV) so numbers such as RSS are the container's; the default is the operator project's
/// build output (JIT), run without it.
/// </summary>
public static class OperatorBinary
{
    public const string Variable = "K8SCERT_BENCH_OPERATOR";

    /// <summary>The executable to start, and arguments that must precede the operator's own (dotnet + dll without an apphost).</summary>
    public static (string File, List<string> Prefix) Resolve()
    {
        // The operator project's own output, not the copy beside the bench: that copy lacks the package
        // assemblies the ASP.NET Core framework supplies to the test harness but not to the operator.
        var output = IntegrationTests.EndToEnd.OperatorBuildOutput.Directory;
        var apphost = Published
            ? Environment.GetEnvironmentVariable(Variable)!
            : Path.Combine(output, "k8s-cert-operator");
        return File.Exists(apphost)
            ? (apphost, [])
            : ("dotnet", [Path.Combine(output, "k8s-cert-operator.dll")]);
    }

    private static bool Published => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    /// <summary>The ENV of the repository's Dockerfile for a published executable; otherwise, or outside the source tree, none.</summary>
    public static IReadOnlyDictionary<string, string> ImageEnvironment()
    {
        if (!Published)
        {
            return new Dictionary<string, string>();
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dockerfile = Path.Combine(dir.FullName, "Dockerfile");
            if (File.Exists(dockerfile) && File.Exists(Path.Combine(dir.FullName, "K8sCertOperator.sln")))
            {
                return ParseEnv(File.ReadAllText(dockerfile));
            }
        }
        return new Dictionary<string, string>();
    }

    /// <summary>A one-line description for the bench's header.</summary>
    public static string Describe()
    {
        var (file, prefix) = Resolve();
        var env = ImageEnvironment();
        return $"operator: {string.Join(' ', prefix.Prepend(file))}; "
            + (!Published ? $"build output without the image's ENV (set {Variable} to a published executable to measure the image)"
                : env.Count == 0 ? "image env: (Dockerfile not found)"
                : "image env: " + string.Join(' ', env.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    // `ENV A=1 \` continuation lines, KEY=VALUE pairs without quoting: the form our Dockerfile uses.
    internal static Dictionary<string, string> ParseEnv(string dockerfile)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = dockerfile.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("ENV ", StringComparison.Ordinal))
            {
                continue;
            }
            var instruction = lines[i].TrimStart()[4..];
            while (instruction.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                instruction = instruction.TrimEnd()[..^1] + " " + lines[++i];
            }
            foreach (var pair in instruction.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (pair.Split('=', 2) is [var key, var value])
                {
                    result[key] = value;
                }
            }
        }
        return result;
    }
}
