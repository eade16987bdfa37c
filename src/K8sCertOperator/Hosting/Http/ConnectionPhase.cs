namespace K8sCertOperator.Hosting.Http;

/// <summary>Where a connection is in its one request; decides whether it may give up its slot to a newcomer.</summary>
public enum ConnectionPhase
{
    /// <summary>Accepted, its request head not complete yet: idle or slow clients sit here, so it can be evicted.</summary>
    ReadingHead,

    /// <summary>A complete head arrived and is being answered: never evicted, bounded by the response timeout.</summary>
    Answering,

    /// <summary>The response is out; waiting for the client to close. Evicted only after every reading connection.</summary>
    Lingering,
}
