using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>Re-issue checks on the Secret itself: existence, data, key pair, key spec and issuer annotations.</summary>
public static class SecretPolicies
{
    public static ReissueDecision? SecretDoesNotExist(ReissueInput input) => input.SecretData is null
        ? new(ConditionReasons.DoesNotExist, "Issuing certificate as Secret does not exist")
        : null;

    public static ReissueDecision? SecretIsMissingData(ReissueInput input)
    {
        var m = input.Material;
        return (m.HasKey, m.HasCertificate) switch
        {
            (false, false) => new(ConditionReasons.MissingData, "Issuing certificate as Secret does not contain any data"),
            (false, true) => new(ConditionReasons.MissingData, "Issuing certificate as Secret does not contain a private key"),
            (true, false) => new(ConditionReasons.MissingData, "Issuing certificate as Secret does not contain a certificate"),
            _ => null,
        };
    }

    /// <summary>tls.key and tls.crt must both decode and belong together.</summary>
    public static ReissueDecision? SecretKeyPairInvalid(ReissueInput input)
    {
        var m = input.Material;
        if (m.KeyError is not null)
        {
            return new(ConditionReasons.InvalidKeyPair, $"Issuing certificate as Secret contains invalid private key data: {m.KeyError}");
        }

        if (m.CertificateError is not null)
        {
            return new(ConditionReasons.InvalidCertificate, $"Issuing certificate as Secret contains an invalid certificate: {m.CertificateError}");
        }

        if (m.HasKey && m.HasCertificate && !m.KeyMatchesCertificate)
        {
            return new(ConditionReasons.InvalidKeyPair, "Issuing certificate as Secret contains a private key that does not match the certificate");
        }

        return null;
    }

    /// <summary>The stored key's algorithm and size must be what spec.privateKey asks for.</summary>
    public static ReissueDecision? SecretPrivateKeyMismatchesSpec(ReissueInput input)
    {
        var m = input.Material;
        if (m.KeyAlgorithm is not { } actual)
        {
            return null;
        }

        var pk = input.Spec.PrivateKey;
        var (spec, _) = PrivateKeySpec.FromApi(pk?.Algorithm, pk?.Size, pk?.Encoding);
        if (spec is null)
        {
            // An invalid key spec is reported by CertificateSpecValidator; re-issuing would not help.
            return null;
        }

        if (spec.Algorithm != actual)
        {
            return new(ConditionReasons.SecretMismatch,
                $"Existing private key is not up to date for spec: algorithm {actual} does not match {spec.Algorithm}");
        }

        if (spec.EffectiveSize != m.KeySize)
        {
            return new(ConditionReasons.SecretMismatch, string.Create(CultureInfo.InvariantCulture,
                $"Existing private key is not up to date for spec: size {m.KeySize} does not match {spec.EffectiveSize}"));
        }

        return null;
    }

    /// <summary>
    /// When the Secret carries any issuer annotation, together they must name spec.issuerRef (kind and group
    /// defaulted, cert-manager.io an alias of k8scert.io). A Secret without them (imported) is left alone.
    /// </summary>
    public static ReissueDecision? SecretIssuerAnnotationsMismatch(ReissueInput input)
    {
        var name = input.SecretAnnotation(AnnotationKeys.IssuerName);
        var kind = input.SecretAnnotation(AnnotationKeys.IssuerKind);
        var group = input.SecretAnnotation(AnnotationKeys.IssuerGroup);
        if (name is null && kind is null && group is null)
        {
            return null;
        }

        var issuerRef = input.Spec.IssuerRef;
        if (name == issuerRef.Name && KindOf(kind) == issuerRef.EffectiveKind && GroupOf(group) == GroupOf(issuerRef.Group))
        {
            return null;
        }

        return new(ConditionReasons.IncorrectIssuer,
            $"Issuing certificate as Secret was previously issued by \"{KindOf(kind)}.{GroupOf(group)}/{name}\"");
    }

    /// <summary>When the Secret names the Certificate it was issued for, it must be this one (two Certificates, one Secret).</summary>
    public static ReissueDecision? SecretCertificateNameMismatch(ReissueInput input)
    {
        var name = input.SecretAnnotation(AnnotationKeys.CertificateName);
        return name is not null && name != input.Certificate.Metadata?.Name
            ? new(ConditionReasons.IncorrectCertificate,
                $"Secret was issued for \"{name}\". If this message is not transient, you might have two conflicting Certificates pointing to the same secret.")
            : null;
    }

    private static string KindOf(string? kind) => string.IsNullOrEmpty(kind) ? ApiGroups.IssuerKind : kind;

    // The operator serves issuers under its own group and accepts cert-manager's as an alias.
    private static string GroupOf(string? group) =>
        string.IsNullOrEmpty(group) || group == ApiGroups.CertManager ? ApiGroups.Cert : group;
}
