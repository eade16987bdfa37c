namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>The server refused a dynamic update; carries the DNS RCODE and the TSIG error (e.g. NOTAUTH / BADSIG for a wrong key).</summary>
public sealed class Rfc2136UpdateException : DnsProviderException
{
    public Rfc2136UpdateException(string message, string responseCode, string? tsigError)
        : base(message)
    {
        ResponseCode = responseCode;
        TsigError = tsigError;
    }

    /// <summary>RCODE mnemonic: NOTAUTH, REFUSED, NOTZONE, SERVFAIL...</summary>
    public string ResponseCode { get; }

    /// <summary>TSIG error mnemonic (BADSIG, BADKEY, BADTIME) when the server reported one.</summary>
    public string? TsigError { get; }
}
