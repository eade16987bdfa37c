namespace K8sCertOperator.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation ran and failed (CA refused, validation failed, API error).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; nothing was attempted.</summary>
    public const int Usage = 2;

    /// <summary>The object asked about does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>A wait ran out of time.</summary>
    public const int Timeout = 4;

    /// <summary>`certify renew`: a new certificate was written (and the deploy hook ran and succeeded).</summary>
    public const int Renewed = Ok;

    /// <summary>`certify renew`: the installed certificate is not due yet; nothing was ordered or written.</summary>
    public const int NotDue = 5;

    /// <summary>`check migration`: some cert-manager object uses something the operator does not support.</summary>
    public const int MigrationBlocked = 6;
}
