namespace K8sCertOperator.Api;

/// <summary>Values of <c>spec.privateKey.encoding</c> (PEM block format of tls.key).</summary>
public static class PrivateKeyEncodings
{
    public const string Pkcs1 = "PKCS1";
    public const string Pkcs8 = "PKCS8";

    public static IReadOnlyList<string> All { get; } = [Pkcs1, Pkcs8];
}
