namespace K8sCertOperator.Solvers.Dns01;

/// <summary>A DNS-01 provider or lookup failed; the message is safe to show in a Challenge status (no secrets).</summary>
public class DnsProviderException : Exception
{
    public DnsProviderException(string message)
        : base(message)
    {
    }

    public DnsProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
