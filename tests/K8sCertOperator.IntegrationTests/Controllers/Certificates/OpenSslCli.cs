using System.Diagnostics;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>Reads issued certificates with the real openssl binary; tests skip with the package name when it is absent.</summary>
internal sealed class OpenSslCli : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("x509fields-").FullName;

    public static string? MissingReason => ExternalTool.MissingReason("openssl", "openssl");

    /// <summary>Writes <paramref name="pem"/> to a file in the scratch directory and returns its path.</summary>
    public string Write(string name, string pem)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, pem);
        return path;
    }

    /// <summary>Runs openssl; returns (exit code, stdout + stderr).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo(ExternalTool.Find("openssl")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>openssl x509 -text</c> of the first certificate in <paramref name="pem"/>, subject printed as RFC 2253.</summary>
    public async Task<string> TextAsync(string pem, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(cancellationToken, "x509", "-noout", "-text", "-nameopt", "RFC2253", "-in", Write($"{Guid.NewGuid():N}.pem", pem));
        Assert.True(code == 0, output);
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Scratch files only; a leftover directory in /tmp is harmless.
        }
    }
}
