namespace K8sCertOperator.Api;

/// <summary>Defaults shared by the keystore password references.</summary>
public static class KeystorePasswords
{
    /// <summary>Key read from a passwordSecretRef that names none.</summary>
    public const string DefaultSecretKey = "password";
}
