namespace K8sCertOperator.Tests.Pki.Keystores;

/// <summary>Runs Java's keytool to read keystores; tests skip when no JRE is installed.</summary>
internal static class Keytool
{
    private static readonly string? Path = new[] { "/usr/bin/keytool", "/usr/local/bin/keytool" }.FirstOrDefault(File.Exists);

    public static string? MissingReason => Path is null ? "keytool is not installed (apt-get install -y openjdk-17-jre-headless)" : null;

    /// <summary>Runs keytool; returns (exit code, stdout + stderr).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        K8sCertOperator.TestSupport.ToolRunner.RunAsync(Path!, Directory.GetCurrentDirectory(), cancellationToken, args);
}
