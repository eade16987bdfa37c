namespace K8sCertOperator.Controllers.Certificates;

/// <summary>The resolved keystore passwords of one reconcile; null for a keystore that is not created.</summary>
public sealed record ResolvedKeystorePasswords(string? Pkcs12, string? Jks)
{
    public static ResolvedKeystorePasswords None { get; } = new(null, null);
}
