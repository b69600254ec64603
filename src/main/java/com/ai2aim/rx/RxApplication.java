package com.ai2aim.rx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RxApplication {
    public static void main(String[] args) {
        SpringApplication.run(RxApplication.class, args);
    }
}
