package co.intowork.recruiter.live;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface LiveMapper {
    /** The signed-in person's channels (V42): their company's, and one per job they manage elsewhere. */
    List<String> channels();

    /**
     * The events after {@code after} (null: none, only the head) that the person may see, optionally of one job,
     * and last the cursor row (kind "cursor", event id = the next cursor, status done/more/held).
     */
    List<LiveEvent> events(@Param("after") String after, @Param("job") Integer job, @Param("maxRows") int maxRows);

    /** LISTEN on a channel; the name is checked against {@link LiveFeed#CHANNEL} before it gets here. */
    void listen(@Param("channel") String channel);

    void unlistenAll();

    void notifyChannel(@Param("channel") String channel, @Param("payload") String payload);

    int backendPid();
}
