namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>
/// The dns01 solver configuration cannot be turned into provider settings (a missing Secret or key, no or several
/// providers, an invalid value). Messages name Secrets and keys, never their contents.
/// </summary>
public sealed class Dns01ConfigException : Exception
{
    public Dns01ConfigException(string message)
        : base(message)
    {
    }

    public Dns01ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
