using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>Loads the ACME account key from a PEM file, or creates one (owner-only permissions).</summary>
public static class AccountKeyFile
{
    public static IJwsSigner LoadOrCreate(string path, out bool created)
    {
        if (File.Exists(path))
        {
            created = false;
            return JwsSigners.FromPrivateKeyPem(File.ReadAllText(path));
        }
        var signer = JwsSigners.CreateEs256();
        WritePrivate(path, signer.ExportPrivateKeyPem());
        created = true;
        return signer;
    }

    public static IJwsSigner Load(string path) => JwsSigners.FromPrivateKeyPem(File.ReadAllText(path));

    /// <summary>Writes a file readable only by its owner, creating parent folders.</summary>
    public static void WritePrivate(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
