namespace K8sCertOperator.Cli.Standalone;

/// <summary>A `--dns01-config` file that cannot be used; the message names the problem, never a secret value.</summary>
public sealed class Dns01ConfigFileException : Exception
{
    public Dns01ConfigFileException()
    {
    }

    public Dns01ConfigFileException(string message)
        : base(message)
    {
    }

    public Dns01ConfigFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
