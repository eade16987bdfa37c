namespace K8sCertOperator.IntegrationTests.Infrastructure;

/// <summary>Finds external binaries (pebble, named, lego…) on PATH or in the usual Debian places.</summary>
public static class ExternalTool
{
    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/bin"];

    /// <summary>Full path of <paramref name="name"/>, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator).Concat(ExtraDirectories))
        {
            if (dir.Length == 0)
            {
                continue;
            }
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>A skip reason naming the Debian package, or null when the tool is present.</summary>
    public static string? MissingReason(string name, string debianPackage) =>
        Find(name) is null
            ? $"'{name}' is not installed; install it with `apt-get install -y {debianPackage}` (.ci/run does this)"
            : null;
}
