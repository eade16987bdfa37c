namespace K8sCertOperator.Hosting.Http;

/// <summary>Why a connection was closed without an answer (the <c>reason</c> label of the drop counter).</summary>
public enum ConnectionDropReason
{
    /// <summary>Every slot was answering a request; closed as soon as accepted.</summary>
    Refused,

    /// <summary>Gave its slot to a newer connection before sending a complete head.</summary>
    Evicted,

    /// <summary>No complete request head within the header timeout (idle or dribbling client).</summary>
    HeaderTimeout,

    /// <summary>The answer could not be produced and sent within the response timeout (a client that does not read).</summary>
    ResponseTimeout,

    /// <summary>The client reset or closed mid-request.</summary>
    ClientError,
}
