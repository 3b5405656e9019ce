package ru.promtour.notification.channel;

import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;

/** An outbound adapter: hands one message to its provider. */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends once (no retries here: {@link ResilientChannels} adds them).
     *
     * @return the provider's message id
     * @throws SendException when it did not go through
     */
    String send(Message message);
}
