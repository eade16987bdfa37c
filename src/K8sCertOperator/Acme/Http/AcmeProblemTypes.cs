namespace K8sCertOperator.Acme.Http;

/// <summary>ACME problem type URNs (RFC 8555 §6.7 and later registrations).</summary>
public static class AcmeProblemTypes
{
    public const string Prefix = "urn:ietf:params:acme:error:";
    public const string AccountDoesNotExist = Prefix + "accountDoesNotExist";
    public const string AlreadyRevoked = Prefix + "alreadyRevoked";
    public const string BadCsr = Prefix + "badCSR";
    public const string BadNonce = Prefix + "badNonce";
    public const string BadPublicKey = Prefix + "badPublicKey";
    public const string BadRevocationReason = Prefix + "badRevocationReason";
    public const string BadSignatureAlgorithm = Prefix + "badSignatureAlgorithm";
    public const string Caa = Prefix + "caa";
    public const string Compound = Prefix + "compound";
    public const string Connection = Prefix + "connection";
    public const string Dns = Prefix + "dns";
    public const string ExternalAccountRequired = Prefix + "externalAccountRequired";
    public const string IncorrectResponse = Prefix + "incorrectResponse";
    public const string InvalidContact = Prefix + "invalidContact";
    public const string Malformed = Prefix + "malformed";
    public const string OrderNotReady = Prefix + "orderNotReady";
    public const string RateLimited = Prefix + "rateLimited";
    public const string RejectedIdentifier = Prefix + "rejectedIdentifier";
    public const string ServerInternal = Prefix + "serverInternal";
    public const string Tls = Prefix + "tls";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string UnsupportedContact = Prefix + "unsupportedContact";
    public const string UnsupportedIdentifier = Prefix + "unsupportedIdentifier";
    public const string UserActionRequired = Prefix + "userActionRequired";
    public const string AlreadyReplaced = Prefix + "alreadyReplaced";
}
