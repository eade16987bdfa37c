namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// The derived Secret keys one Certificate wants (additionalOutputFormats and keystores) and the keystore digest
/// annotation, or null digest when no keystore is wanted.
/// </summary>
public sealed record SecretOutputs(IReadOnlyDictionary<string, byte[]> Data, string? KeystoreDigest);
