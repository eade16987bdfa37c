namespace K8sCertOperator.Pki;

/// <summary>One decoded PEM block: its label (e.g. "CERTIFICATE") and DER body.</summary>
internal readonly record struct PemBlock(string Label, byte[] Der);
