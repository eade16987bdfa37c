namespace K8sCertOperator.Tests.Pki;

/// <summary>Runs the openssl CLI for interop checks; tests skip when it is not installed.</summary>
internal static class OpenSsl
{
    private static readonly string? Path = new[] { "/usr/bin/openssl", "/usr/local/bin/openssl" }.FirstOrDefault(File.Exists);

    public static string? MissingReason => Path is null ? "openssl is not installed (apt-get install -y openssl)" : null;

    /// <summary>Runs openssl in <paramref name="workDir"/>; returns (exit code, stdout + stderr).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workDir, CancellationToken cancellationToken, params string[] args) =>
        K8sCertOperator.TestSupport.ToolRunner.RunAsync(Path!, workDir, cancellationToken, args);
}
