namespace K8sCertOperator.Api;

/// <summary>Well-known annotation keys: on issued Secrets, on Certificates, and the shim ones read from Ingresses, Gateways and ListenerSets.</summary>
public static class AnnotationKeys
{
    private const string Prefix = ApiGroups.Cert + "/";
    private const string AcmePrefix = ApiGroups.Acme + "/";

    // Written on the certificate Secret so its origin is visible without reading the Certificate.
    public const string CertificateName = Prefix + "certificate-name";
    public const string IssuerName = Prefix + "issuer-name";
    public const string IssuerKind = Prefix + "issuer-kind";
    public const string IssuerGroup = Prefix + "issuer-group";
    public const string CommonName = Prefix + "common-name";
    public const string AltNames = Prefix + "alt-names";
    public const string IpSans = Prefix + "ip-sans";
    public const string UriSans = Prefix + "uri-sans";

    /// <summary>
    /// On the Secret: SHA-256 of what the keystores were built from (key, chain, CA, passwords, options). Keystore
    /// bytes are salted, so this, not a byte comparison, says whether they are in step.
    /// </summary>
    public const string KeystoreDigest = Prefix + "keystore-digest";
    // Also read by the shims from an annotated object (email SANs split at commas, subject fields as one CSV line).
    public const string EmailSans = Prefix + "email-sans";
    public const string SubjectOrganizations = Prefix + "subject-organizations";
    public const string SubjectOrganizationalUnits = Prefix + "subject-organizationalunits";
    public const string SubjectCountries = Prefix + "subject-countries";
    public const string SubjectProvinces = Prefix + "subject-provinces";
    public const string SubjectLocalities = Prefix + "subject-localities";
    public const string SubjectStreetAddresses = Prefix + "subject-streetaddresses";
    public const string SubjectPostalCodes = Prefix + "subject-postalcodes";
    public const string SubjectSerialNumber = Prefix + "subject-serialnumber";

    /// <summary>On the Order/Challenge and key Secret: revision of the Certificate they were created for.</summary>
    public const string CertificateRevision = Prefix + "certificate-revision";

    /// <summary>On the next-private-key Secret: the Certificate it belongs to.</summary>
    public const string PrivateKeySecretName = Prefix + "private-key-secret-name";

    /// <summary>
    /// On a CertificateRequest: the Certificate's spec.signatureAlgorithm, which a local issuer must use (a CSR cannot
    /// say whether its key's default algorithm was asked for or merely used).
    /// </summary>
    public const string SignatureAlgorithm = Prefix + "signature-algorithm";

    // ingress-shim and gateway-shim: annotations on an Ingress, Gateway or ListenerSet that make the operator create
    // Certificates for its TLS hosts (named Ingress* for history; the keys are the same for every kind).
    public const string IngressIssuer = Prefix + "issuer";
    public const string IngressClusterIssuer = Prefix + "cluster-issuer";
    public const string IngressIssuerKind = Prefix + "issuer-kind";
    public const string IngressIssuerGroup = Prefix + "issuer-group";
    public const string IngressCommonName = Prefix + "common-name";
    public const string IngressDuration = Prefix + "duration";
    public const string IngressRenewBefore = Prefix + "renew-before";
    public const string IngressUsages = Prefix + "usages";
    public const string IngressPrivateKeyAlgorithm = Prefix + "private-key-algorithm";
    public const string IngressPrivateKeySize = Prefix + "private-key-size";
    public const string IngressPrivateKeyEncoding = Prefix + "private-key-encoding";
    public const string IngressPrivateKeyRotationPolicy = Prefix + "private-key-rotation-policy";
    public const string IngressRevisionHistoryLimit = Prefix + "revision-history-limit";

    /// <summary>cert-manager's secretTemplate as JSON on an annotated object; recognised only to warn that it is not supported.</summary>
    public const string IngressSecretTemplate = Prefix + "secret-template";

    /// <summary>Legacy opt-in used by kube-lego/cert-manager: Ingress wants a certificate from the default issuer.</summary>
    public const string IngressTlsAcme = "kubernetes.io/tls-acme";

    /// <summary>On the Ingress: cert-manager's "solve HTTP-01 in this Ingress"; recognised only to warn that it is not supported.</summary>
    public const string AcmeHttp01EditInPlace = AcmePrefix + "http01-edit-in-place";

    /// <summary>On the Ingress: ingress class for the HTTP-01 solver Ingress.</summary>
    public const string AcmeHttp01IngressClass = AcmePrefix + "http01-ingress-class";

    /// <summary>On an annotated object: cert-manager's ingressClassName for the HTTP-01 solver Ingress; recognised only to warn that it is not supported.</summary>
    public const string AcmeHttp01IngressClassName = AcmePrefix + "http01-ingress-ingressclassname";

    /// <summary>On an Order: the RFC 9773 CertID of the certificate this order replaces (ARI `replaces`).</summary>
    public const string AcmeReplaces = AcmePrefix + "replaces";

    /// <summary>On a Certificate/Order (set by the ingress-shim): ingress class for this certificate's HTTP-01 challenges.</summary>
    public const string AcmeHttp01OverrideIngressClass = AcmePrefix + "http01-override-ingress-class";

    /// <summary>
    /// On a Certificate (or an Ingress, copied by the ingress-shim): ACME profile for this certificate's orders,
    /// overriding the issuer's <c>acme.profile</c>; must be one the directory's <c>meta.profiles</c> lists.
    /// </summary>
    public const string AcmeProfile = AcmePrefix + "profile";
}
