namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>RCODE and TSIG error mnemonics (RFC 1035, 2136, 8945) for readable error messages.</summary>
public static class DnsResponseCodes
{
    /// <summary>Mnemonic of a DNS RCODE (message header or extended) or TSIG error value.</summary>
    public static string Mnemonic(int code) => code switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        6 => "YXDOMAIN",
        7 => "YXRRSET",
        8 => "NXRRSET",
        9 => "NOTAUTH",
        10 => "NOTZONE",
        16 => "BADSIG",
        17 => "BADKEY",
        18 => "BADTIME",
        22 => "BADTRUNC",
        _ => $"RCODE{code}",
    };
}
