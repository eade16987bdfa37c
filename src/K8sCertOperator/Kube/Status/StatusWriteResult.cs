namespace K8sCertOperator.Kube.Status;

/// <summary>What a status update did.</summary>
public enum StatusWriteOutcome
{
    /// <summary>The status was written.</summary>
    Written,

    /// <summary>The mutation changed nothing; no request was sent.</summary>
    Unchanged,

    /// <summary>The object no longer exists.</summary>
    NotFound,
}

/// <summary>Outcome of a status update and the newest known object (null when not found).</summary>
public sealed record StatusWriteResult<T>(StatusWriteOutcome Outcome, T? Object, int Attempts)
    where T : class;
