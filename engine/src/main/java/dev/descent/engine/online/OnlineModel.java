package dev.descent.engine.online;

/** What an online job trains: a learner and the loss whose slope drives it. */
public record OnlineModel(OnlineLearner learner, Loss loss) {}
