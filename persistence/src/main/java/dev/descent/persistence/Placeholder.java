package dev.descent.persistence; public final class Placeholder {}
