namespace K8sCertOperator.Pki;

/// <summary>Checks of the template fields cert-manager added after the basic names: literalSubject, otherNames, nameConstraints, signatureAlgorithm.</summary>
internal static class X509FieldsValidator
{
    private const int MaxOtherNameValueLength = 1024;

    public static void Validate(CertificateTemplate t, List<string> errors)
    {
        if (!string.IsNullOrEmpty(t.LiteralSubject))
        {
            if (!string.IsNullOrEmpty(t.CommonName) || t.Subject is { IsEmpty: false })
            {
                errors.Add("literalSubject cannot be combined with commonName or subject");
            }

            if (LiteralSubjectParser.Parse(t.LiteralSubject).Error is { } literalError)
            {
                errors.Add($"literalSubject: {literalError}");
            }
        }

        foreach (var other in t.OtherNames)
        {
            if (!IsOid(other.Oid))
            {
                errors.Add($"otherNames: \"{other.Oid}\" is not a dotted object identifier");
            }

            if (string.IsNullOrEmpty(other.Utf8Value) || other.Utf8Value.Length > MaxOtherNameValueLength)
            {
                errors.Add($"otherNames: the value for {other.Oid} must be 1..{MaxOtherNameValueLength} characters");
            }
        }

        if (t.NameConstraints is { } constraints)
        {
            if (!t.IsCA)
            {
                errors.Add("nameConstraints can only be set on a CA certificate (isCA: true)");
            }

            foreach (var range in constraints.Permitted.IpRanges.Concat(constraints.Excluded.IpRanges))
            {
                if (NameConstraintsCodec.TryParseCidr(range) is null)
                {
                    errors.Add($"nameConstraints: \"{range}\" is not a CIDR range such as 10.0.0.0/8");
                }
            }
        }

        if (t.SignatureAlgorithm is { Length: > 0 } algorithm && SignatureAlgorithms.KeyAlgorithmFor(algorithm) is null)
        {
            errors.Add($"signatureAlgorithm \"{algorithm}\" is not one of {string.Join(", ", SignatureAlgorithms.All)}");
        }
    }

    /// <summary>Dotted decimal with at least two arcs, the first 0, 1 or 2.</summary>
    public static bool IsOid(string? oid)
    {
        if (string.IsNullOrEmpty(oid))
        {
            return false;
        }

        var arcs = oid.Split('.');
        return arcs.Length >= 2 && arcs[0] is "0" or "1" or "2" && arcs.All(a => a.Length is > 0 and <= 20 && a.All(char.IsAsciiDigit));
    }
}
