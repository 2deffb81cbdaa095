package dev.descent.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DescentApplication {
  public static void main(String[] args) {
    SpringApplication.run(DescentApplication.class, args);
  }
}
